package org.drr.node.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.crypto.Keccak256;
import org.drr.node.fork.Fork;
import org.drr.node.state.StateRoots;
import org.drr.node.trie.MerklePatriciaTrie;
import org.drr.node.types.Address;
import org.junit.jupiter.api.Test;

class GenesisConfigTest {
  @Test
  void parsesBesuFieldsCaseInsensitively() {
    GenesisConfig g = TestChains.genesis();
    assertEquals(TestChains.CHAIN_ID, g.chainId());
    assertEquals(Fork.CANCUN, g.forks().forkAt(g.timestamp()));
    assertTrue(g.zeroBaseFee());
    assertEquals(1, g.qbft().blockPeriodSeconds());
    assertEquals(5, g.alloc().size());
    GenesisAccount alice =
        g.alloc().stream().filter(a -> a.address().equals(TestChains.ALICE.address())).findFirst().orElseThrow();
    assertEquals(new BigInteger("1000000000000000000000"), alice.balance());
    assertEquals(0x58ee40baL, g.timestamp());
  }

  @Test
  void genesisBlockHasCancunFieldsAndStateRootOfAlloc() {
    GenesisConfig g = TestChains.genesis();
    Block b = Genesis.block(g);
    BlockHeader h = b.header();
    assertEquals(StateRoots.compute(Genesis.state(g)), h.stateRoot());
    assertEquals(MerklePatriciaTrie.EMPTY_TRIE_ROOT, h.withdrawalsRoot());
    assertEquals(0L, h.blobGasUsed());
    assertEquals(Bytes32.ZERO, h.parentBeaconBlockRoot());
    assertEquals(BigInteger.ZERO, h.baseFee());
    assertEquals(h, BlockHeader.decode(h.encode()));
    assertEquals(Keccak256.hash(h.encode()), org.drr.node.consensus.qbft.QbftBlockHashing.INSTANCE.hash(h));
  }

  @Test
  void defaultsAsBesuBeforeShanghai() {
    String json =
        TestChains.genesisJson()
            .replace("\"shanghaiTime\": 0, \"cancunTime\": 0,", "")
            .replace("\"baseFeePerGas\": \"0x0\",", "");
    GenesisConfig g = GenesisConfig.parse(json);
    BlockHeader h = Genesis.block(g).header();
    assertEquals(BigInteger.valueOf(1_000_000_000L), h.baseFee()); // London at 0: 1 gwei default
    assertNull(h.withdrawalsRoot());
    assertNull(h.parentBeaconBlockRoot());
    assertEquals(h, BlockHeader.decode(h.encode()));
  }

  @Test
  void rejectsWithSpecificErrors() {
    String noChainId = TestChains.genesisJson().replace("\"chainId\": 1337,", "");
    var e = assertThrows(IllegalArgumentException.class, () -> GenesisConfig.parse(noChainId));
    assertTrue(e.getMessage().contains("chainid"), e.getMessage());
    String lateLondon = TestChains.genesisJson().replace("\"londonBlock\": 0", "\"londonBlock\": 5");
    e = assertThrows(IllegalArgumentException.class, () -> GenesisConfig.parse(lateLondon));
    assertTrue(e.getMessage().contains("londonBlock") && e.getMessage().contains("5"), e.getMessage());
    String badBalance = TestChains.genesisJson().replace("\"0x56bc75e2d63100000\"", "\"lots\"");
    e = assertThrows(IllegalArgumentException.class, () -> GenesisConfig.parse(badBalance));
    assertTrue(e.getMessage().contains("balance") && e.getMessage().contains("lots"), e.getMessage());
    String prague = TestChains.genesisJson().replace("\"cancunTime\": 0,", "\"cancunTime\": 0, \"pragueTime\": 9,");
    e = assertThrows(IllegalArgumentException.class, () -> GenesisConfig.parse(prague));
    assertTrue(e.getMessage().contains("pragueTime"), e.getMessage());
  }

  @Test
  void allocKeysWithoutPrefixAreAccepted() {
    GenesisConfig g = TestChains.genesis();
    Address bob = TestChains.BOB.address();
    assertTrue(g.alloc().stream().anyMatch(a -> a.address().equals(bob)));
  }
}
