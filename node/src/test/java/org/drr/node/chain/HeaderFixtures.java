package org.drr.node.chain;

import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.trie.MerklePatriciaTrie;
import org.drr.node.types.Address;
import org.drr.node.types.LogsBloom;

/** Headers for tests. */
public final class HeaderFixtures {
  private HeaderFixtures() {}

  /** A Cancun header at {@code number} with the given extra data. */
  public static BlockHeader cancun(long number, Bytes extraData) {
    return new BlockHeader(
        Bytes32.fromHexString("0x" + "11".repeat(32)),
        Block.EMPTY_OMMERS_HASH,
        Address.fromHexString("0x00000000000000000000000000000000000000c0"),
        Bytes32.fromHexString("0x" + "22".repeat(32)),
        MerklePatriciaTrie.EMPTY_TRIE_ROOT,
        MerklePatriciaTrie.EMPTY_TRIE_ROOT,
        LogsBloom.EMPTY,
        BigInteger.ONE,
        number,
        30_000_000,
        0,
        1_700_000_000L + number,
        extraData,
        Bytes32.fromHexString("0x63746963616c2062797a616e74696e65206661756c7420746f6c6572616e6365"),
        Bytes.wrap(new byte[8]),
        BigInteger.ZERO,
        MerklePatriciaTrie.EMPTY_TRIE_ROOT,
        0L,
        0L,
        Bytes32.ZERO);
  }
}
