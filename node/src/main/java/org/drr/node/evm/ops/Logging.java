package org.drr.node.evm.ops;

import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.evm.Frame;
import org.drr.node.evm.Operation;
import org.drr.node.evm.Stack;
import org.drr.node.evm.Status;
import org.drr.node.evm.gas.GasCosts;
import org.drr.node.types.Log;

/** LOG0..LOG4: 375 gas + 375 per topic (in the table) + 8 per data byte + memory. */
public final class Logging {
  private Logging() {}

  public static Operation.Handler log(int topics) {
    return f -> log(f, topics);
  }

  private static int log(Frame f, int topicCount) {
    if (f.isStatic) {
      return Status.STATIC_STATE_CHANGE;
    }
    Stack s = f.stack;
    long off = s.getClamped(0);
    long len = s.getClamped(1);
    long dataCost = len > (1L << 40) ? Long.MAX_VALUE : GasCosts.LOG_DATA_BYTE * len;
    if (!f.useGas(dataCost) || !f.expandMemory(off, len)) {
      return Status.OUT_OF_GAS;
    }
    List<Bytes32> topics = new ArrayList<>(topicCount);
    for (int i = 0; i < topicCount; i++) {
      byte[] t = new byte[32];
      s.toBytes32(2 + i, t, 0);
      topics.add(Bytes32.wrap(t));
    }
    s.sp -= 4 * (2 + topicCount);
    f.state.substate().addLog(new Log(f.address, topics, Bytes.wrap(f.memory.copy(off, len))));
    return Status.CONTINUE;
  }
}
