package org.drr.node.evm;

import java.math.BigInteger;
import org.drr.node.types.Address;

/**
 * Observes execution for debug tracing ({@code debug_traceTransaction}). The {@link Evm} calls a
 * tracer only when one was installed: without one the interpreter runs its untraced loop, so
 * tracing costs nothing when absent. Every method has an empty default so a tracer implements only
 * what it reports.
 *
 * <p>Tracers see live frames: they must copy what they keep and must not change anything.
 */
public interface EvmTracer {
  /**
   * Before an opcode runs: {@code frame.pc} points at it, {@code frame.gas} is the gas before any
   * of its cost is charged, and stack and memory are as the opcode will find them.
   */
  default void beforeOperation(Frame frame, int opcode) {}

  /**
   * After an opcode ran: {@code frame.gas} is what remains, {@code status} is what the handler
   * returned ({@link Status#CONTINUE} or a terminal status). Not called for halts detected before
   * the handler (stack bounds, constant gas, undefined opcode); {@link #operationFailed} is.
   */
  default void afterOperation(Frame frame, int opcode, int status) {}

  /** An opcode halted before its handler ran (undefined opcode, stack bounds, constant gas). */
  default void operationFailed(Frame frame, int opcode, int status) {}

  /**
   * A message call or creation starts.
   *
   * @param type "CALL", "CALLCODE", "DELEGATECALL", "STATICCALL", "CREATE" or "CREATE2"
   * @param to the callee, or the address being created
   * @param gas gas given to the new frame
   * @param depth 0 for the transaction's own message
   */
  default void enterMessage(
      String type, Address from, Address to, BigInteger value, byte[] input, long gas, int depth) {}

  /** The message started by the matching {@link #enterMessage} ended with {@code result}. */
  default void exitMessage(int depth, MessageResult result) {}
}
