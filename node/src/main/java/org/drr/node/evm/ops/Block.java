package org.drr.node.evm.ops;

import org.drr.node.evm.Frame;
import org.drr.node.evm.Stack;
import org.drr.node.evm.Status;
import org.drr.node.execution.BlockEnvironment;

/**
 * Block information: BLOCKHASH, COINBASE, TIMESTAMP, NUMBER, PREVRANDAO (EIP-4399), GASLIMIT,
 * CHAINID (EIP-1344), BASEFEE (EIP-3198), BLOBHASH (EIP-4844), BLOBBASEFEE (EIP-7516).
 */
public final class Block {
  private Block() {}

  /** BLOCKHASH: the hash of one of the 256 most recent blocks, else 0. */
  public static int blockhash(Frame f) {
    Stack s = f.stack;
    long n = s.getClamped(0);
    s.pop();
    BlockEnvironment b = f.evm.block();
    long current = b.number();
    if (n >= current || n < current - 256) {
      s.pushZero();
    } else {
      OpSupport.pushWord(s, b.blockHashes().apply(n));
    }
    return Status.CONTINUE;
  }

  public static int coinbase(Frame f) {
    OpSupport.pushAddress(f.stack, f.evm.block().coinbase());
    return Status.CONTINUE;
  }

  public static int timestamp(Frame f) {
    f.stack.push(f.evm.block().timestamp(), 0, 0, 0);
    return Status.CONTINUE;
  }

  public static int number(Frame f) {
    f.stack.push(f.evm.block().number(), 0, 0, 0);
    return Status.CONTINUE;
  }

  public static int prevrandao(Frame f) {
    OpSupport.pushWord(f.stack, f.evm.block().prevRandao());
    return Status.CONTINUE;
  }

  public static int gaslimit(Frame f) {
    f.stack.push(f.evm.block().gasLimit(), 0, 0, 0);
    return Status.CONTINUE;
  }

  public static int chainid(Frame f) {
    f.stack.push(f.evm.block().chainId(), 0, 0, 0);
    return Status.CONTINUE;
  }

  public static int basefee(Frame f) {
    OpSupport.pushBigInteger(f.stack, f.evm.block().baseFee());
    return Status.CONTINUE;
  }

  public static int blobhash(Frame f) {
    Stack s = f.stack;
    long i = s.getClamped(0);
    s.pop();
    var hashes = f.evm.transaction().blobHashes();
    if (i < hashes.size()) {
      s.pushBytes32(hashes.get((int) i), 0);
    } else {
      s.pushZero();
    }
    return Status.CONTINUE;
  }

  public static int blobbasefee(Frame f) {
    OpSupport.pushBigInteger(f.stack, f.evm.block().blobBaseFee());
    return Status.CONTINUE;
  }
}
