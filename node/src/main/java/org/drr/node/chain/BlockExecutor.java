package org.drr.node.chain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.execution.BeaconRootsCall;
import org.drr.node.execution.BlockEnvironment;
import org.drr.node.execution.TransactionOutcome;
import org.drr.node.execution.TransactionProcessor;
import org.drr.node.fork.Fork;
import org.drr.node.state.Word256;
import org.drr.node.state.WorldState;
import org.drr.node.trie.MerklePatriciaTrie;
import org.drr.node.types.Address;
import org.drr.node.types.LogsBloom;
import org.drr.node.types.Receipt;
import org.drr.node.types.Transaction;

/**
 * Executes transactions on the head state to build the next block (for the proposer) or to check
 * a received block (for an importer), computing gas used, receipts, logs bloom and the
 * transaction, receipt and state roots. From Cancun, both paths first make EIP-4788's system call
 * ({@link BeaconRootsCall}).
 *
 * <p>Both paths mutate the given {@link WorldState}; on a rejected import the caller reloads the
 * head state.
 */
public final class BlockExecutor {
  /** Besu's mixHash for BFT blocks: "ctical byzantine fault tolerance" as bytes. */
  public static final Bytes32 BFT_MIX_HASH =
      Bytes32.fromHexString("0x63746963616c2062797a616e74696e65206661756c7420746f6c6572616e6365");

  private static final BigInteger ELASTICITY = BigInteger.TWO;
  private static final BigInteger BASE_FEE_DENOMINATOR = BigInteger.valueOf(8);

  private final GenesisConfig config;
  private final Blockchain chain;

  public BlockExecutor(GenesisConfig config, Blockchain chain) {
    this.config = config;
    this.chain = chain;
  }

  /** A built, unsealed block with what executing it produced. */
  public record Built(
      Block block, List<Receipt> receipts, StateStore.Changes changes, List<Rejected> rejected) {}

  /** The roots and bloom a block's transactions and receipts give its header. */
  record BodyRoots(Bytes32 transactionsRoot, Bytes32 receiptsRoot, LogsBloom logsBloom) {
    static BodyRoots of(List<Transaction> txs, List<Receipt> receipts) {
      LogsBloom.Builder bloom = new LogsBloom.Builder();
      for (Receipt r : receipts) {
        bloom.or(r.bloom());
      }
      return new BodyRoots(
          Block.transactionsRoot(txs),
          Block.indexedRoot(receipts.stream().map(Receipt::encode).toList()),
          bloom.build());
    }
  }

  /** A candidate that could not be included, and why (the processor's message). */
  public record Rejected(PendingTransaction transaction, org.drr.node.execution.TransactionRejectedException reason) {}

  /**
   * Builds the block after {@code parent} in one go: includes candidates in order while gas
   * remains, skipping any the state rejects (and, after a rejection, that sender's later nonces).
   *
   * @param extraData the unsealed extra data (the consensus seals it afterwards)
   */
  public Built build(
      WorldState state,
      StoredBlock parent,
      long timestamp,
      Address coinbase,
      Bytes extraData,
      List<PendingTransaction> candidates) {
    BlockBuilder builder = start(state, parent, timestamp, coinbase);
    List<Rejected> rejected = builder.add(candidates);
    Built built = builder.finish(extraData);
    return new Built(built.block(), built.receipts(), built.changes(), rejected);
  }

  /**
   * Opens the block after {@code parent} on {@code state} (the state after {@code parent}); its
   * transactions execute as they are added.
   */
  public BlockBuilder start(WorldState state, StoredBlock parent, long timestamp, Address coinbase) {
    BlockHeader template = template(parent, timestamp, coinbase, Bytes.EMPTY);
    Fork fork = config.forks().forkAt(timestamp);
    StateDiff diff = newDiff(state, parent);
    BlockEnvironment env = environment(template, fork);
    boolean systemCallRan = BeaconRootsCall.apply(state, fork, env, template.parentBeaconBlockRoot());
    return new BlockBuilder(
        this, state, diff, parent, template, env, new TransactionProcessor(fork), systemCallRan);
  }

  /**
   * Re-executes {@code block} on {@code state} (the state after its parent) and checks that it
   * reproduces the block's gas used and roots.
   *
   * @throws BlockValidationException naming the first mismatch or invalid transaction
   */
  public Built execute(WorldState state, StoredBlock parent, Block block) {
    BlockHeader header = block.header();
    Fork fork = config.forks().forkAt(header.timestamp());
    BlockEnvironment env = environment(header, fork);
    TransactionProcessor processor = new TransactionProcessor(fork);
    StateDiff diff = newDiff(state, parent);
    BeaconRootsCall.apply(state, fork, env, header.parentBeaconBlockRoot());
    List<Receipt> receipts = new ArrayList<>();
    long gasUsed = 0;
    List<Transaction> txs = block.transactions();
    for (int i = 0; i < txs.size(); i++) {
      Transaction tx = txs.get(i);
      PendingTransaction p = new PendingTransaction(tx, tx.sender(), i);
      try {
        TransactionOutcome outcome = processor.execute(state, env, p.toMessage(), gasUsed);
        gasUsed += outcome.gasUsed();
        receipts.add(outcome.receipt());
      } catch (org.drr.node.execution.TransactionRejectedException e) {
        throw new BlockValidationException(
            "block " + header.number() + " transaction " + i + " " + p.hash() + " is invalid: "
                + e.getMessage());
      }
    }
    Built built = finish(diff, header, txs, receipts, gasUsed, BodyRoots.of(txs, receipts));
    BlockHeader expected = built.block().header();
    check(header.number(), "gas used", expected.gasUsed(), header.gasUsed());
    check(header.number(), "transactions root", expected.transactionsRoot(), header.transactionsRoot());
    check(header.number(), "receipts root", expected.receiptsRoot(), header.receiptsRoot());
    check(header.number(), "logs bloom", expected.logsBloom(), header.logsBloom());
    check(header.number(), "state root", expected.stateRoot(), header.stateRoot());
    return new Built(block, receipts, built.changes(), List.of());
  }

  private static void check(long number, String what, Object expected, Object actual) {
    if (!expected.equals(actual)) {
      throw new BlockValidationException(
          "block " + number + " " + what + " is " + actual + " but executing it gives " + expected);
    }
  }

  /** A diff of {@code state} (the parent's state, about to be changed by a block) to its parent. */
  StateDiff newDiff(WorldState state, StoredBlock parent) {
    return new StateDiff(chain.stateStore(), state, parent.header().stateRoot());
  }

  /** Completes the state diff and fills an executed block's header in from {@code roots}. */
  Built finish(
      StateDiff diff,
      BlockHeader template,
      List<Transaction> txs,
      List<Receipt> receipts,
      long gasUsed,
      BodyRoots roots) {
    StateStore.Changes changes = diff.finish();
    BlockHeader t = template;
    BlockHeader header =
        new BlockHeader(
            t.parentHash(), t.ommersHash(), t.coinbase(), changes.stateRoot(),
            roots.transactionsRoot(), roots.receiptsRoot(), roots.logsBloom(),
            t.difficulty(), t.number(), t.gasLimit(), gasUsed, t.timestamp(),
            t.extraData(), t.mixHash(), t.nonce(), t.baseFee(), t.withdrawalsRoot(),
            t.blobGasUsed(), t.excessBlobGas(), t.parentBeaconBlockRoot());
    return new Built(new Block(header, List.copyOf(txs)), List.copyOf(receipts), changes, List.of());
  }

  /** The header of the next block before execution fills in roots and gas used. */
  public BlockHeader template(StoredBlock parent, long timestamp, Address coinbase, Bytes extraData) {
    Fork fork = config.forks().forkAt(timestamp);
    boolean cancun = fork.isAtLeast(Fork.CANCUN);
    BlockHeader p = parent.header();
    return new BlockHeader(
        parent.hash(),
        Block.EMPTY_OMMERS_HASH,
        coinbase,
        Bytes32.ZERO,
        MerklePatriciaTrie.EMPTY_TRIE_ROOT,
        MerklePatriciaTrie.EMPTY_TRIE_ROOT,
        LogsBloom.EMPTY,
        BigInteger.ONE,
        p.number() + 1,
        p.gasLimit(),
        0,
        timestamp,
        extraData,
        BFT_MIX_HASH,
        Bytes.wrap(new byte[8]),
        nextBaseFee(p),
        fork.isAtLeast(Fork.SHANGHAI) ? MerklePatriciaTrie.EMPTY_TRIE_ROOT : null,
        cancun ? 0L : null,
        cancun ? 0L : null,
        cancun ? Bytes32.ZERO : null);
  }

  /** EIP-1559's base fee after {@code parent}; always 0 on a {@code zeroBaseFee} chain. */
  public BigInteger nextBaseFee(BlockHeader parent) {
    if (config.zeroBaseFee()) {
      return BigInteger.ZERO;
    }
    BigInteger parentFee = parent.baseFee();
    long target = parent.gasLimit() / ELASTICITY.longValueExact();
    if (parent.gasUsed() == target) {
      return parentFee;
    }
    BigInteger delta = BigInteger.valueOf(Math.abs(parent.gasUsed() - target));
    BigInteger change = parentFee.multiply(delta).divide(BigInteger.valueOf(target)).divide(BASE_FEE_DENOMINATOR);
    if (parent.gasUsed() > target) {
      return parentFee.add(change.max(BigInteger.ONE));
    }
    return parentFee.subtract(change).max(BigInteger.ZERO);
  }

  /** What the EVM sees of {@code header}. */
  public BlockEnvironment environment(BlockHeader header, Fork fork) {
    Word256 prevRandao =
        fork.isAtLeast(Fork.SHANGHAI)
            ? Word256.fromBytes(header.mixHash().toArrayUnsafe())
            : Word256.fromBytes(Bytes32.leftPad(Bytes.wrap(header.difficulty().toByteArray()).trimLeadingZeros()).toArrayUnsafe());
    return new BlockEnvironment(
        header.coinbase(),
        header.number(),
        header.timestamp(),
        header.gasLimit(),
        header.baseFee(),
        prevRandao,
        config.chainId(),
        BigInteger.ONE,
        n -> chain.canonicalHashOnTip(n).map(h -> Word256.fromBytes(h.toArrayUnsafe())).orElse(Word256.ZERO));
  }
}
