package org.drr.node.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import org.drr.node.chain.TestChains;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.besu.Besu;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.http.HttpService;

/**
 * Web3j's Besu client ({@code org.web3j:besu} 4.14.0, linked against web3j core 5.0.2) reads the
 * node's QBFT validators by block number and by block hash, as it would from Besu.
 */
class BesuClientCompatibilityTest {
  @TempDir Path dir;

  @Test
  void qbftValidatorsByNumberAndByHash() throws Exception {
    try (CompatNode node = CompatNode.start(dir)) {
      Besu besu = Besu.build(new HttpService(node.rpcUrl()));
      try {
        List<String> expected = List.of(TestChains.VALIDATOR.address().toHexString().toLowerCase());
        var byNumber = besu.qbftGetValidatorsByBlockNumber(DefaultBlockParameter.valueOf("latest")).send();
        assertFalse(byNumber.hasError(), () -> error(byNumber));
        assertEquals(expected, lower(byNumber.getResult()));

        EthBlock.Block genesis = besu.ethGetBlockByNumber(
            DefaultBlockParameter.valueOf(java.math.BigInteger.ZERO), false).send().getBlock();
        var byHash = besu.qbftGetValidatorsByBlockHash(genesis.getHash()).send();
        assertFalse(byHash.hasError(), () -> error(byHash));
        assertEquals(expected, lower(byHash.getResult()));
      } finally {
        besu.shutdown();
      }
    }
  }

  private static List<String> lower(List<String> addresses) {
    return addresses.stream().map(String::toLowerCase).toList();
  }

  private static String error(Response<?> response) {
    return response.getError().getCode() + " " + response.getError().getMessage();
  }
}
