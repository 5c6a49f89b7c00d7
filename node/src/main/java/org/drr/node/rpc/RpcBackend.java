package org.drr.node.rpc;

import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.drr.node.evm.EvmTracer;
import org.drr.node.trie.NodeStore;
import org.drr.node.types.Address;
import org.drr.node.types.Receipt;
import org.drr.node.types.Transaction;

/**
 * Everything the JSON-RPC methods need from the node, and nothing more. The node implements it (an
 * adapter over the block store, the world state, the transaction pool and the validator set); the
 * RPC layer derives every JSON field from these answers (transaction senders, receipt gas, log
 * indexes, contract addresses, effective gas prices, state reads and proofs).
 *
 * <p>All methods are called concurrently from RPC worker threads and must be thread-safe. Lookups
 * of things that do not exist return empty; they throw only for real failures (storage errors),
 * which the RPC reports as internal errors.
 */
public interface RpcBackend {
  /** The EIP-155 chain id. */
  long chainId();

  /** The number of the current head block (0 on a fresh chain). */
  long headNumber();

  /** The canonical block with this number, or empty if there is none (yet). */
  Optional<BlockView> blockByNumber(long number);

  /** The canonical block with this hash, or empty if unknown. */
  Optional<BlockView> blockByHash(Bytes32 hash);

  /**
   * The receipts of the block with this hash, in transaction order (as many as the block has
   * transactions), or empty if the block is unknown.
   */
  Optional<List<Receipt>> receipts(Bytes32 blockHash);

  /** Where the mined transaction with this hash is, or empty if no canonical block holds it. */
  Optional<TransactionLocation> transactionLocation(Bytes32 transactionHash);

  /** The transaction with this hash if it is waiting in the pool (not yet mined), else empty. */
  Optional<Transaction> pendingTransaction(Bytes32 transactionHash);

  /**
   * The next nonce {@code sender} may use counting its transactions in the pool: the state nonce at
   * the head plus the run of consecutive pooled nonces that follows it.
   */
  long pendingNonce(Address sender);

  /**
   * The store holding the world-state trie nodes of (at least) recent blocks. The RPC reads
   * accounts, storage and proofs from it, starting at a header's state root.
   */
  NodeStore stateNodes();

  /** Contract code by its keccak-256 hash, or empty if unknown. */
  Optional<Bytes> code(Bytes32 codeHash);

  /**
   * Executes {@code request} without changing the chain: on the state after block {@code block}, in
   * the environment of that block's header (number, timestamp, coinbase, gas limit, base fee), as
   * geth's {@code eth_call} does. The sender's nonce is not checked (the simulation uses the state
   * nonce); a zero {@code gasPrice} runs with a zero base fee, so calls from accounts without funds
   * work. {@link org.drr.node.rpc.simulation.MessageSimulator} implements these rules over a world
   * state.
   *
   * @param tracer observes execution, or null
   * @throws org.drr.node.execution.TransactionRejectedException if the message cannot execute at
   *     all (e.g. the sender cannot pay {@code gas * gasPrice + value}, gas above the block gas
   *     limit or below the intrinsic gas)
   */
  CallOutcome simulate(CallRequest request, BlockHeaderView block, EvmTracer tracer)
      throws org.drr.node.execution.TransactionRejectedException;

  /**
   * Re-executes the mined transaction {@code transactionHash} exactly as its block did (on the
   * parent's state, after the block's earlier transactions), with {@code tracer} observing only
   * this transaction. Returns empty if the transaction is not in a canonical block.
   */
  Optional<CallOutcome> replayTransaction(Bytes32 transactionHash, EvmTracer tracer);

  /**
   * Adds a signed transaction (EIP-2718 bytes as sent to {@code eth_sendRawTransaction}) to the
   * pool and returns its hash.
   *
   * @throws TransactionRejectedException with a specific reason if it is malformed or invalid (bad
   *     signature, wrong chain id, nonce too low, underpriced replacement, pool full, sender not an
   *     active participant, ...)
   */
  Bytes32 submitTransaction(Bytes rawTransaction) throws TransactionRejectedException;

  /**
   * The logs matching {@code query}, in chain order, at most {@code limit}: when more match, the
   * first {@code limit + 1} are returned so that the caller can tell the result was cut (the RPC
   * then answers with a "too many results" error rather than a silently short list).
   */
  List<LogEntry> logs(LogQuery query, int limit);

  /** The QBFT validators that sign the block after {@code blockNumber} (from its extraData). */
  Optional<List<Address>> validatorsAt(long blockNumber);

  /** The lowest gas price the pool accepts (the node's {@code --min-gas-price}). */
  UInt256 minGasPrice();

  /**
   * The base fee of the block that would follow {@code parent} (zero on a zero-base-fee chain), for
   * {@code eth_feeHistory} and {@code eth_gasPrice}.
   */
  UInt256 nextBaseFee(BlockHeaderView parent);

  /** The number of connected peers (0 for a single validator). */
  int peerCount();

  /**
   * Registers {@code listener} for new blocks and pending transactions until the returned handle is
   * closed. Events committed before the call are not replayed.
   */
  AutoCloseable addListener(ChainListener listener);
}
