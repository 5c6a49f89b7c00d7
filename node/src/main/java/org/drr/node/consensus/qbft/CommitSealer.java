package org.drr.node.consensus.qbft;

import java.util.List;
import org.drr.node.chain.BlockHeader;
import org.drr.node.crypto.KeyPair;
import org.drr.node.crypto.Secp256k1;
import org.drr.node.crypto.Signature;
import org.drr.node.types.Address;

/** Signs commit seals with the node's validator key (which it never exposes). */
public final class CommitSealer {
  private final KeyPair key;

  public CommitSealer(KeyPair key) {
    this.key = key;
  }

  public Address address() {
    return key.address();
  }

  /** This validator's commit seal over {@code header} (unsealed, with its final round). */
  public Signature seal(BlockHeader header) {
    return Secp256k1.sign(QbftBlockHashing.commitSealHash(header), key.privateKey());
  }

  /** {@code header} with {@code seals} written into its extra data. */
  public static BlockHeader withSeals(BlockHeader header, List<Signature> seals) {
    QbftExtraData extra = QbftExtraDataCodec.decode(header.extraData());
    return header.withExtraData(QbftExtraDataCodec.encode(extra.withSeals(seals)));
  }
}
