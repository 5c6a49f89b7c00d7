package org.drr.node.evm;

/**
 * Results of executing an opcode or a frame, as plain ints so the hot loop allocates nothing.
 * {@link #CONTINUE} keeps the loop going; {@link #STOP}, {@link #RETURN} and {@link
 * #SELF_DESTRUCT} end a frame successfully; {@link #REVERT} ends it keeping the remaining gas;
 * every other code is an exceptional halt that consumes all gas of the frame.
 */
public final class Status {
  public static final int CONTINUE = 0;
  public static final int STOP = 1;
  public static final int RETURN = 2;
  public static final int SELF_DESTRUCT = 3;
  public static final int REVERT = 4;
  public static final int OUT_OF_GAS = 10;
  public static final int INVALID_OPCODE = 11;
  public static final int STACK_UNDERFLOW = 12;
  public static final int STACK_OVERFLOW = 13;
  public static final int INVALID_JUMP = 14;
  public static final int STATIC_STATE_CHANGE = 15;
  public static final int RETURN_DATA_OUT_OF_BOUNDS = 16;
  public static final int CODE_SIZE_EXCEEDED = 17;
  public static final int INVALID_CODE_PREFIX = 18;
  public static final int PRECOMPILE_FAILURE = 19;
  public static final int CREATE_COLLISION = 20;
  // Failures before a frame runs that return the gas to the caller (not exceptional halts).
  public static final int CALL_DEPTH_EXCEEDED = 30;
  public static final int INSUFFICIENT_BALANCE = 31;
  public static final int NONCE_OVERFLOW = 32;

  private Status() {}

  public static boolean isSuccess(int status) {
    return status >= STOP && status <= SELF_DESTRUCT;
  }

  /** True for halts that consume all gas given to the frame. */
  public static boolean isExceptional(int status) {
    return status >= OUT_OF_GAS && status < CALL_DEPTH_EXCEEDED;
  }

  public static String name(int status) {
    return switch (status) {
      case CONTINUE -> "continue";
      case STOP -> "stop";
      case RETURN -> "return";
      case SELF_DESTRUCT -> "selfdestruct";
      case REVERT -> "reverted";
      case OUT_OF_GAS -> "out of gas";
      case INVALID_OPCODE -> "invalid opcode";
      case STACK_UNDERFLOW -> "stack underflow";
      case STACK_OVERFLOW -> "stack overflow";
      case INVALID_JUMP -> "invalid jump destination";
      case STATIC_STATE_CHANGE -> "state change in static call";
      case RETURN_DATA_OUT_OF_BOUNDS -> "return data out of bounds";
      case CODE_SIZE_EXCEEDED -> "contract code size exceeds limit (EIP-170)";
      case INVALID_CODE_PREFIX -> "contract code starts with 0xEF (EIP-3541)";
      case PRECOMPILE_FAILURE -> "precompile failed";
      case CREATE_COLLISION -> "contract address collision";
      case CALL_DEPTH_EXCEEDED -> "call depth exceeded";
      case INSUFFICIENT_BALANCE -> "insufficient balance for transfer";
      case NONCE_OVERFLOW -> "nonce overflow";
      default -> "status " + status;
    };
  }
}
