package org.drr.node.rpc.methods;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.drr.node.rpc.RpcLimits;
import org.drr.node.rpc.RpcTestSupport;
import org.drr.node.types.Address;
import org.drr.node.types.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Senders: kept from the pool's admission when it reported them, recovered otherwise. */
class ChainReaderTest {
  @Test
  void theSenderThePoolReportedIsUsedWithoutRecoveringIt(@TempDir Path dir) throws Exception {
    RpcTestSupport.Fixture fixture = RpcTestSupport.fixture(dir, RpcLimits.DEFAULTS);
    try {
      ChainReader reader = new ChainReader(RpcTestSupport.backend(fixture));
      Transaction tx = fixture.transfer(RpcTestSupport.ALICE, RpcTestSupport.BOB.address(), 1);
      // Deliberately not the signer: only a kept sender, never a recovery, can give this answer.
      Address reported = Address.fromHexString("0x" + "ab".repeat(20));
      reader.onPendingTransaction(tx, tx.hash(), reported);
      assertEquals(reported, reader.sender(tx));
    } finally {
      fixture.close();
    }
  }

  @Test
  void aTransactionThePoolNeverReportedHasItsSenderRecovered(@TempDir Path dir) throws Exception {
    RpcTestSupport.Fixture fixture = RpcTestSupport.fixture(dir, RpcLimits.DEFAULTS);
    try {
      ChainReader reader = new ChainReader(RpcTestSupport.backend(fixture));
      Transaction tx = fixture.transfer(RpcTestSupport.ALICE, RpcTestSupport.BOB.address(), 1);
      assertEquals(RpcTestSupport.ALICE.address(), reader.sender(tx));
    } finally {
      fixture.close();
    }
  }
}
