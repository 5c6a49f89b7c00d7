package org.drr.node.rpc.methods;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.drr.node.rpc.RpcLimits;
import org.drr.node.rpc.RpcTestSupport;
import org.drr.node.types.Address;
import org.drr.node.types.Transaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Senders: kept from the pool's admission when it reported them, recovered otherwise. */
class ChainReaderTest {
  private RpcTestSupport.Fixture fixture;
  private ChainReader reader;
  private Transaction tx;

  @BeforeEach
  void start(@TempDir Path dir) throws Exception {
    fixture = RpcTestSupport.fixture(dir, RpcLimits.DEFAULTS);
    reader = new ChainReader(RpcTestSupport.backend(fixture));
    tx = fixture.transfer(RpcTestSupport.ALICE, RpcTestSupport.BOB.address(), 1);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void theSenderThePoolReportedIsUsedWithoutRecoveringIt() {
    // Deliberately not the signer: only a kept sender, never a recovery, can give this answer.
    Address reported = Address.fromHexString("0x" + "ab".repeat(20));
    reader.onPendingTransaction(tx, tx.hash(), reported);
    assertEquals(reported, reader.sender(tx));
  }

  @Test
  void aTransactionThePoolNeverReportedHasItsSenderRecovered() {
    assertEquals(RpcTestSupport.ALICE.address(), reader.sender(tx));
  }
}
