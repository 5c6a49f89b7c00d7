package org.drr.node.consensus.qbft;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.crypto.Signature;
import org.drr.node.rlp.RlpReader;
import org.drr.node.rlp.RlpWriter;
import org.drr.node.types.Address;

/**
 * Encodes and decodes {@link QbftExtraData} exactly as Besu's QBFT does, in three forms: the full
 * form stored in a sealed header; without commit seals (what a commit seal signs: the round is
 * kept, the seal list is empty); and without seals and round (round written as 0: what the block
 * hash covers, so the hash does not change when a block is re-proposed in a later round).
 */
public final class QbftExtraDataCodec {
  private static final int ADD_VOTE = 0xff;

  /** Which parts of the extra data an encoding keeps. */
  public enum Form {
    FULL,
    WITHOUT_SEALS,
    WITHOUT_SEALS_AND_ROUND
  }

  private QbftExtraDataCodec() {}

  public static Bytes encode(QbftExtraData data) {
    return encode(data, Form.FULL);
  }

  public static Bytes encode(QbftExtraData data, Form form) {
    RlpWriter w = new RlpWriter(64 + 21 * data.validators().size() + 66 * data.seals().size());
    w.startList().writeBytes(data.vanity()).startList();
    for (Address validator : data.validators()) {
      w.writeBytes(validator.bytes());
    }
    w.endList();
    if (data.vote().isPresent()) {
      QbftExtraData.Vote vote = data.vote().get();
      w.startList().writeBytes(vote.recipient().bytes());
      if (vote.add()) {
        w.writeBytes(Bytes.of(ADD_VOTE));
      } else {
        w.writeBytes(Bytes.EMPTY);
      }
      w.endList();
    } else {
      w.writeEmptyList();
    }
    w.writeLong(form == Form.WITHOUT_SEALS_AND_ROUND ? 0 : data.round());
    w.startList();
    if (form == Form.FULL) {
      for (Signature seal : data.seals()) {
        w.writeBytes(seal.toBytes());
      }
    }
    w.endList().endList();
    return w.toBytes();
  }

  /**
   * Decodes a header's extra data.
   *
   * @throws InvalidExtraDataException if it is empty, not canonical RLP, or not the QBFT shape
   */
  public static QbftExtraData decode(Bytes extraData) {
    if (extraData.isEmpty()) {
      throw new InvalidExtraDataException("QBFT extra data is empty; a QBFT header needs it");
    }
    try {
      RlpReader outer = RlpReader.of(extraData);
      RlpReader r = outer.readList();
      outer.requireEnd();
      Bytes vanity = r.readBytes();
      List<Address> validators = new ArrayList<>();
      RlpReader list = r.readList();
      while (list.hasNext()) {
        validators.add(Address.readFrom(list));
      }
      Optional<QbftExtraData.Vote> vote = Optional.empty();
      RlpReader voteList = r.readList();
      if (voteList.hasNext()) {
        Address recipient = Address.readFrom(voteList);
        Bytes kind = voteList.readBytes();
        voteList.requireEnd();
        if (kind.isEmpty()) {
          vote = Optional.of(new QbftExtraData.Vote(recipient, false));
        } else if (kind.size() == 1 && (kind.get(0) & 0xff) == ADD_VOTE) {
          vote = Optional.of(new QbftExtraData.Vote(recipient, true));
        } else {
          throw new InvalidExtraDataException(
              "QBFT vote type must be 0xff (add) or empty (drop), got 0x" + kind.toUnprefixedHexString());
        }
      }
      long round = r.readLong();
      if (round > Integer.MAX_VALUE) {
        throw new InvalidExtraDataException("QBFT round " + round + " exceeds a 32-bit int");
      }
      List<Signature> seals = new ArrayList<>();
      RlpReader sealList = r.readList();
      while (sealList.hasNext()) {
        seals.add(decodeSeal(sealList.readBytes()));
      }
      r.requireEnd();
      return new QbftExtraData(vanity, validators, vote, (int) round, seals);
    } catch (IllegalArgumentException e) {
      if (e instanceof InvalidExtraDataException ie) {
        throw ie;
      }
      throw new InvalidExtraDataException(
          "malformed QBFT extra data 0x" + abbreviate(extraData) + ": " + e.getMessage(), e);
    }
  }

  private static Signature decodeSeal(Bytes seal) {
    if (seal.size() != 65) {
      throw new InvalidExtraDataException("commit seal must be 65 bytes, got " + seal.size());
    }
    int recoveryId = seal.get(64) & 0xff;
    if (recoveryId > 3) {
      throw new InvalidExtraDataException("commit seal recovery id must be 0..3, got " + recoveryId);
    }
    return Signature.of(Bytes32.wrap(seal.slice(0, 32)), Bytes32.wrap(seal.slice(32, 32)), recoveryId);
  }

  private static String abbreviate(Bytes b) {
    String hex = b.toUnprefixedHexString();
    return hex.length() <= 80 ? hex : hex.substring(0, 80) + "…";
  }
}
