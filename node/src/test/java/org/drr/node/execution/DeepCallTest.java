package org.drr.node.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.tuweni.bytes.Bytes;
import org.drr.node.fork.Fork;
import org.drr.node.state.Word256;
import org.drr.node.state.WorldState;
import org.drr.node.types.Address;
import org.drr.node.types.TransactionType;
import org.junit.jupiter.api.Test;

/** Calls nest up to the 1024-frame limit; that must work on a thread with the default stack. */
class DeepCallTest {
  private static final Address SENDER = Address.fromHexString("0x00000000000000000000000000000000000a11ce");
  private static final Address SELF_CALLER = Address.fromHexString("0x000000000000000000000000000000000000ca11");

  @Test
  void recursionToTheDepthLimitOnADefaultSizedThread() throws Exception {
    WorldState s = new WorldState();
    s.putCommitted(SENDER, 0, BigInteger.TEN.pow(18), new byte[0], Map.of());
    // n = TLOAD(0) + 1; TSTORE(0, n); SSTORE(0, n); CALL(gas, ADDRESS, 0, 0, 0, 0, 0)
    byte[] code = Bytes.fromHexString("0x5f5c600101805f5d5f5560006000600060006000305af100").toArray();
    s.putCommitted(SELF_CALLER, 0, BigInteger.ZERO, code, Map.of());
    BlockEnvironment block =
        new BlockEnvironment(Address.ZERO, 1, 1, 1_000_000_000_000L, BigInteger.ZERO, Word256.ZERO, 1,
            BigInteger.ONE, n -> Word256.ZERO);
    TransactionMessage tx =
        new TransactionMessage(TransactionType.EIP1559, SENDER, SELF_CALLER, 0, 900_000_000_000L,
            BigInteger.ZERO, Bytes.EMPTY, null, BigInteger.ZERO, BigInteger.ZERO, List.of());
    AtomicReference<Object> result = new AtomicReference<>();
    Thread t = new Thread(() -> {
      try {
        result.set(new TransactionProcessor(Fork.CANCUN).execute(s, block, tx, 0));
      } catch (Throwable e) {
        result.set(e);
      }
    });
    t.start();
    t.join();
    assertTrue(result.get() instanceof TransactionOutcome, String.valueOf(result.get()));
    assertEquals(Word256.fromHex("0x0401"), s.storage(SELF_CALLER, Word256.ZERO),
        "frames at depths 0..1024 each incremented the counter");
  }
}
