package org.drr.node.consensus.qbft;

import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.drr.node.crypto.Signature;
import org.drr.node.types.Address;

/**
 * The QBFT contents of a block header's {@code extraData}, as Besu encodes them: {@code
 * RLP([vanity (32 bytes), [validator addresses], vote, round, [commit seals]])}.
 *
 * <p>{@code vote} is empty or a proposal to add/remove one validator; {@code round} is the
 * consensus round the block was agreed in (an RLP scalar, so round 0 is {@code 0x80}); each
 * commit seal is a 65-byte secp256k1 signature {@code r ‖ s ‖ recoveryId} over {@link
 * QbftBlockHashing#commitSealHash}.
 */
public record QbftExtraData(
    Bytes vanity, List<Address> validators, Optional<Vote> vote, int round, List<Signature> seals) {
  public static final int VANITY_LENGTH = 32;

  public QbftExtraData {
    if (vanity.size() != VANITY_LENGTH) {
      throw new IllegalArgumentException(
          "QBFT vanity must be " + VANITY_LENGTH + " bytes, got " + vanity.size());
    }
    if (round < 0) {
      throw new IllegalArgumentException("QBFT round must be non-negative, got " + round);
    }
    validators = List.copyOf(validators);
    seals = List.copyOf(seals);
  }

  /** The genesis form: zero vanity, no vote, round 0, no seals. */
  public static QbftExtraData genesis(List<Address> validators) {
    return new QbftExtraData(
        Bytes.wrap(new byte[VANITY_LENGTH]), validators, Optional.empty(), 0, List.of());
  }

  public QbftExtraData withRound(int newRound) {
    return new QbftExtraData(vanity, validators, vote, newRound, seals);
  }

  public QbftExtraData withSeals(List<Signature> newSeals) {
    return new QbftExtraData(vanity, validators, vote, round, newSeals);
  }

  /**
   * A proposal carried by a block to add ({@code add}) or remove a validator. Encoded as {@code
   * [address, 0xff]} for add and {@code [address, 0x80 (empty)]} for remove.
   */
  public record Vote(Address recipient, boolean add) {}
}
