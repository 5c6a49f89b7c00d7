package org.drr.node.evm;

import java.math.BigInteger;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.crypto.Keccak256;
import org.drr.node.evm.gas.GasCosts;
import org.drr.node.evm.precompile.Precompile;
import org.drr.node.evm.precompile.Precompiles;
import org.drr.node.execution.BlockEnvironment;
import org.drr.node.fork.Fork;
import org.drr.node.state.WorldState;
import org.drr.node.types.Address;

/**
 * Executes message calls and contract creations for one transaction against a {@link
 * WorldState}: it sets up frames, moves value, runs precompiles or the interpreter, applies the
 * creation rules (EIP-170, EIP-3541, EIP-684/7610 collisions, code deposit) and reverts state on
 * failure. Nested calls from the CALL/CREATE opcodes come back here with depth + 1.
 *
 * <p>Not thread-safe; create one per transaction.
 */
public final class Evm {
  /** The oldest fork whose gas rules this EVM implements (EIP-2929 and EIP-3529 throughout). */
  public static final Fork MINIMUM_FORK = Fork.LONDON;

  private final WorldState state;
  private final Fork fork;
  private final BlockEnvironment block;
  private final TransactionContext transaction;
  private final Operation[] table;
  /** Null unless tracing: every hook below is behind a null check outside the opcode loop. */
  private final EvmTracer tracer;
  private final Map<byte[], JumpDestinations> jumpDestinationCache = new IdentityHashMap<>();

  /**
   * @throws IllegalArgumentException if the fork is outside {@link #MINIMUM_FORK} .. {@link
   *     Fork#LATEST_SUPPORTED}
   */
  public Evm(WorldState state, Fork fork, BlockEnvironment block, TransactionContext transaction) {
    this(state, fork, block, transaction, null);
  }

  /**
   * An EVM whose execution {@code tracer} observes (null for none).
   *
   * @throws IllegalArgumentException if the fork is outside {@link #MINIMUM_FORK} .. {@link
   *     Fork#LATEST_SUPPORTED}
   */
  public Evm(
      WorldState state,
      Fork fork,
      BlockEnvironment block,
      TransactionContext transaction,
      EvmTracer tracer) {
    if (fork.isBefore(MINIMUM_FORK) || fork.compareTo(Fork.LATEST_SUPPORTED) > 0) {
      throw new IllegalArgumentException(
          "EVM executes forks " + MINIMUM_FORK + ".." + Fork.LATEST_SUPPORTED + ", not " + fork);
    }
    this.state = state;
    this.fork = fork;
    this.block = block;
    this.transaction = transaction;
    this.table = OpcodeTable.shared(fork);
    this.tracer = tracer;
  }

  public WorldState state() {
    return state;
  }

  public Fork fork() {
    return fork;
  }

  public BlockEnvironment block() {
    return block;
  }

  public TransactionContext transaction() {
    return transaction;
  }

  JumpDestinations jumpDestinations(byte[] code) {
    return jumpDestinationCache.computeIfAbsent(code, JumpDestinations::of);
  }

  /** The precompile at {@code address} in this fork, or null. */
  public Precompile precompile(Address address) {
    byte[] b = address.bytes().toArrayUnsafe();
    for (int i = 0; i < 19; i++) {
      if (b[i] != 0) {
        return null;
      }
    }
    int n = b[19] & 0xFF;
    if (n < 1 || n > Precompiles.MAX_ADDRESS) {
      return null;
    }
    return Precompiles.forAddress(n, fork);
  }

  /**
   * Executes a message call.
   *
   * @param kind which call opcode (the transaction's own call is {@link CallKind#CALL})
   * @param caller CALLER in the new frame
   * @param address the account whose storage and balance the code acts on
   * @param codeAddress whose code runs (differs from address for CALLCODE and DELEGATECALL)
   * @param value CALLVALUE; moved from caller to address only for {@link CallKind#CALL}
   * @param input call data
   * @param gas gas given to the frame (including any stipend)
   * @param depth the new frame's depth (0 for the transaction)
   */
  public MessageResult call(
      CallKind kind,
      Address caller,
      Address address,
      Address codeAddress,
      BigInteger value,
      byte[] input,
      long gas,
      int depth,
      boolean isStatic) {
    if (tracer == null) {
      return callUntraced(kind, caller, address, codeAddress, value, input, gas, depth, isStatic);
    }
    // A DELEGATECALL runs in the calling contract, which is what a call trace names as "from".
    Address from = kind == CallKind.DELEGATECALL ? address : caller;
    tracer.enterMessage(kind.name(), from, codeAddress, value, input, gas, depth);
    MessageResult result =
        callUntraced(kind, caller, address, codeAddress, value, input, gas, depth, isStatic);
    tracer.exitMessage(depth, result);
    return result;
  }

  private MessageResult callUntraced(
      CallKind kind,
      Address caller,
      Address address,
      Address codeAddress,
      BigInteger value,
      byte[] input,
      long gas,
      int depth,
      boolean isStatic) {
    if (depth > GasCosts.MAX_CALL_DEPTH) {
      return MessageResult.failure(Status.CALL_DEPTH_EXCEEDED, gas);
    }
    boolean movesValue = kind == CallKind.CALL || kind == CallKind.CALLCODE;
    if (movesValue && value.signum() > 0 && state.balance(caller).compareTo(value) < 0) {
      return MessageResult.failure(Status.INSUFFICIENT_BALANCE, gas);
    }
    int snapshot = state.snapshot();
    Precompile precompile = precompile(codeAddress);
    if (kind == CallKind.CALL) {
      if (!state.exists(address) && precompile == null && value.signum() == 0) {
        // EIP-161: a value-less call to a missing account neither creates nor touches it.
        return new MessageResult(Status.STOP, gas, Memory.EMPTY, null);
      }
      transfer(caller, address, value);
    } else if (kind == CallKind.STATICCALL) {
      state.addBalance(address, BigInteger.ZERO); // touches the target, as every client does
    }
    MessageResult result;
    if (precompile != null) {
      result = runPrecompile(precompile, input, gas);
    } else {
      byte[] code = state.code(codeAddress);
      if (code.length == 0) {
        return new MessageResult(Status.STOP, gas, Memory.EMPTY, null);
      }
      Frame frame = new Frame(this, address, caller, value, input, code, gas, depth, isStatic);
      int status = runFrame(frame);
      result = frameResult(frame, status);
    }
    if (!result.isSuccess()) {
      state.revertTo(snapshot);
    }
    return result;
  }

  private static MessageResult runPrecompile(Precompile precompile, byte[] input, long gas) {
    long cost = precompile.gasCost(input);
    if (cost > gas) {
      return MessageResult.failure(Status.OUT_OF_GAS, 0);
    }
    byte[] out = precompile.run(input);
    if (out == null) {
      return MessageResult.failure(Status.PRECOMPILE_FAILURE, 0);
    }
    return new MessageResult(Status.RETURN, gas - cost, out, null);
  }

  private static MessageResult frameResult(Frame frame, int status) {
    if (Status.isSuccess(status)) {
      return new MessageResult(status, frame.gas, frame.output, null);
    }
    if (status == Status.REVERT) {
      return new MessageResult(status, frame.gas, frame.output, null);
    }
    return MessageResult.failure(status, 0);
  }

  /**
   * Creates a contract: increments the creator's nonce, derives the address (CREATE from the
   * nonce, CREATE2 from {@code salt}), runs the init code and deposits the returned code.
   *
   * @param salt CREATE2 salt (32 bytes), or null for CREATE and creation transactions
   * @param depth the new frame's depth (0 for a creation transaction)
   */
  public MessageResult create(
      Address creator, BigInteger value, byte[] initCode, long gas, int depth, byte[] salt) {
    if (depth > GasCosts.MAX_CALL_DEPTH) {
      return MessageResult.failure(Status.CALL_DEPTH_EXCEEDED, gas);
    }
    if (state.balance(creator).compareTo(value) < 0) {
      return MessageResult.failure(Status.INSUFFICIENT_BALANCE, gas);
    }
    long nonce = state.nonce(creator);
    if (nonce == -1L) { // 2^64 - 1 read unsigned: EIP-2681
      return MessageResult.failure(Status.NONCE_OVERFLOW, gas);
    }
    Address address =
        salt == null
            ? Address.contractAddress(creator, nonce)
            : Address.create2Address(
                creator, Bytes32.wrap(salt), Keccak256.hash(Bytes.wrap(initCode)));
    state.setNonce(creator, nonce + 1);
    state.substate().warmAddress(address);
    if (tracer == null) {
      return createAt(address, creator, value, initCode, gas, depth);
    }
    String type = salt == null ? "CREATE" : "CREATE2";
    tracer.enterMessage(type, creator, address, value, initCode, gas, depth);
    MessageResult result = createAt(address, creator, value, initCode, gas, depth);
    tracer.exitMessage(depth, result);
    return result;
  }

  private MessageResult createAt(
      Address address, Address creator, BigInteger value, byte[] initCode, long gas, int depth) {
    var existing = state.get(address);
    if (existing != null
        && (existing.nonce() != 0 || existing.code().length != 0 || existing.hasStorage())) {
      return MessageResult.failure(Status.CREATE_COLLISION, 0);
    }
    int snapshot = state.snapshot();
    state.createAccount(address);
    state.setNonce(address, 1); // EIP-161
    transfer(creator, address, value);
    Frame frame =
        new Frame(this, address, creator, value, Memory.EMPTY, initCode, gas, depth, false);
    int status = runFrame(frame);
    if (Status.isSuccess(status)) {
      status = depositCode(frame, address);
    }
    if (Status.isSuccess(status)) {
      return new MessageResult(status, frame.gas, Memory.EMPTY, address);
    }
    state.revertTo(snapshot);
    if (status == Status.REVERT) {
      return new MessageResult(status, frame.gas, frame.output, null);
    }
    return MessageResult.failure(status, 0);
  }

  /** Runs the frame to its end; its stack and memory then go back to the thread's buffers. */
  private int runFrame(Frame frame) {
    try {
      return tracer == null
          ? Interpreter.run(frame, table)
          : Interpreter.runTraced(frame, table, tracer);
    } finally {
      FrameBuffers.ofThread().giveBack(frame.stack, frame.memory);
    }
  }

  private int depositCode(Frame frame, Address address) {
    byte[] code = frame.output;
    if (code.length > GasCosts.MAX_CODE_SIZE) {
      return Status.CODE_SIZE_EXCEEDED;
    }
    if (code.length > 0 && (code[0] & 0xFF) == 0xEF) {
      return Status.INVALID_CODE_PREFIX;
    }
    if (!frame.useGas(GasCosts.CODE_DEPOSIT_BYTE * code.length)) {
      return Status.OUT_OF_GAS;
    }
    state.setCode(address, code);
    return Status.RETURN;
  }

  private void transfer(Address from, Address to, BigInteger value) {
    state.subBalance(from, value);
    state.addBalance(to, value);
  }
}
