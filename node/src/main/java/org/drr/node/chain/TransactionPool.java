package org.drr.node.chain;

import static org.drr.node.chain.TransactionRejectedException.Reason.*;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.fork.Fork;
import org.drr.node.types.Address;
import org.drr.node.types.InvalidTransactionException;
import org.drr.node.types.Transaction;
import org.drr.node.types.TransactionDecoder;
import org.drr.node.types.TransactionValidator;

/**
 * Pending transactions, validated on entry and kept per sender in nonce order.
 *
 * <p>Entry checks, in order: size, decoding, intrinsic validity and signature (chain id, s ≤
 * n/2, intrinsic gas), gas limit against the block gas limit, minimum gas price, base fee, the
 * sender's permission, then, under the pool's lock, nonce against the sender's account in the
 * last written block (not below it, at most {@link PoolOptions#maxFutureNonces} past the end of
 * the sender's consecutive pending run), balance for gas × fee cap + value, duplicates,
 * replacement (same sender and nonce needs both fee caps raised by the price bump) and capacity
 * (a full pool evicts its cheapest last-in-line transaction only for a better-paying one).
 *
 * <p>{@link #candidates} lists executable transactions (consecutive nonces from the account nonce)
 * by tip, then arrival; {@link #onBlock} drops what a block included or made stale. Thread-safe.
 */
public final class TransactionPool {
  private final Ledger ledger;
  private final PoolOptions options;
  private final SenderPermission permission;
  private final Map<Address, TreeMap<Long, PendingTransaction>> bySender = new HashMap<>();
  private final Map<Bytes32, PendingTransaction> byHash = new HashMap<>();
  private final List<Consumer<PendingTransaction>> listeners = new CopyOnWriteArrayList<>();
  private long sequence;

  public TransactionPool(Ledger ledger, PoolOptions options, SenderPermission permission) {
    this.ledger = ledger;
    this.options = options;
    this.permission = permission;
  }

  public PoolOptions options() {
    return options;
  }

  /** Called after a transaction enters the pool (not on the caller's lock). */
  public void onAdded(Consumer<PendingTransaction> listener) {
    listeners.add(listener);
  }

  /**
   * Validates and adds a raw (EIP-2718) transaction; returns its hash.
   *
   * @throws TransactionRejectedException with the specific reason; the pool is then unchanged
   */
  public Bytes32 addRaw(Bytes raw) {
    if (raw.size() > options.maxTransactionBytes()) {
      throw new TransactionRejectedException(
          OVERSIZED, raw.size() + " bytes, limit " + options.maxTransactionBytes());
    }
    Transaction tx;
    try {
      tx = TransactionDecoder.decode(raw);
    } catch (InvalidTransactionException e) {
      throw new TransactionRejectedException(MALFORMED, e.getMessage());
    }
    return add(tx);
  }

  /** Validates and adds a decoded transaction; see {@link #addRaw}. */
  public Bytes32 add(Transaction tx) {
    StoredBlock head = ledger.chain().head();
    long nextTimestamp = Math.max(head.header().timestamp() + 1, System.currentTimeMillis() / 1000);
    Fork fork = ledger.forkAt(nextTimestamp);
    Address sender = validateIntrinsic(tx, fork);
    if (Long.compareUnsigned(tx.gasLimit(), head.header().gasLimit()) > 0) {
      throw new TransactionRejectedException(
          GAS_LIMIT_EXCEEDED, "gas limit " + Long.toUnsignedString(tx.gasLimit()) + " > block gas limit " + head.header().gasLimit());
    }
    BigInteger feeCap = tx.maxFeePerGas().toUnsignedBigInteger();
    if (feeCap.compareTo(options.minGasPrice()) < 0) {
      throw new TransactionRejectedException(
          UNDERPRICED, "fee cap " + feeCap + " wei below the minimum gas price " + options.minGasPrice());
    }
    BigInteger baseFee = ledger.executor().nextBaseFee(head.header());
    if (feeCap.compareTo(baseFee) < 0) {
      throw new TransactionRejectedException(
          FEE_CAP_BELOW_BASE_FEE, "address " + sender + ", maxFeePerGas: " + feeCap + ", baseFee: " + baseFee);
    }
    if (!permission.isPermitted(sender)) {
      throw new TransactionRejectedException(NOT_PERMITTED, sender.toChecksumString());
    }
    BigInteger cost =
        new BigInteger(Long.toUnsignedString(tx.gasLimit())).multiply(feeCap).add(tx.value().toUnsignedBigInteger());
    Bytes32 hash = tx.hash();
    PendingTransaction added;
    synchronized (this) {
      checkAccount(tx, sender, cost);
      if (byHash.containsKey(hash)) {
        throw new TransactionRejectedException(ALREADY_KNOWN, hash.toHexString());
      }
      TreeMap<Long, PendingTransaction> queue = bySender.get(sender);
      PendingTransaction existing = queue == null ? null : queue.get(tx.nonce());
      if (existing != null) {
        requireBump(existing.transaction(), tx);
      } else if (byHash.size() >= options.maxTransactions()) {
        evictFor(tx);
      }
      added = new PendingTransaction(tx, sender, sequence++);
      if (existing != null) {
        byHash.remove(existing.hash());
      }
      bySender.computeIfAbsent(sender, k -> new TreeMap<>(Long::compareUnsigned)).put(tx.nonce(), added);
      byHash.put(hash, added);
    }
    for (Consumer<PendingTransaction> l : listeners) {
      l.accept(added);
    }
    return hash;
  }

  /**
   * Checks {@code tx}'s nonce and its sender's funds against the last written block and the
   * sender's pending run. Called under the pool's lock, which {@link #onBlock} also takes after
   * a block's write landed: the account and the pool are then read as of the same block. Read
   * apart, a block landing in between could leave the old account nonce beside a queue the block
   * had already emptied, and refuse the next nonce as too far ahead.
   */
  private void checkAccount(Transaction tx, Address sender, BigInteger cost) {
    // The written head, not the head state under the build lock: admission must not wait for a
    // block's execution and synced write.
    StateStore.CommittedBalance account = ledger.committedBalance(sender);
    long accountNonce = account.nonce();
    if (Long.compareUnsigned(tx.nonce(), accountNonce) < 0) {
      throw new TransactionRejectedException(
          NONCE_TOO_LOW, "next nonce " + accountNonce + ", tx nonce " + tx.nonce());
    }
    // The window counts from the end of the sender's consecutive pending run, not the committed
    // nonce: a run that is executable in order is not "future", and admission now outpaces blocks.
    long pendingNonce = pendingNonce(sender, accountNonce);
    if (Long.compareUnsigned(tx.nonce(), pendingNonce) > 0
        && Long.compareUnsigned(tx.nonce() - pendingNonce, options.maxFutureNonces()) >= 0) {
      throw new TransactionRejectedException(
          NONCE_TOO_FAR, "next nonce " + accountNonce + ", pending up to " + pendingNonce + ", tx nonce "
              + tx.nonce() + ", window " + options.maxFutureNonces());
    }
    if (account.balance().compareTo(cost) < 0) {
      throw new TransactionRejectedException(
          INSUFFICIENT_FUNDS, "address " + sender + " have " + account.balance() + " want " + cost);
    }
  }

  private Address validateIntrinsic(Transaction tx, Fork fork) {
    try {
      return new TransactionValidator(fork, ledger.config().chainId()).validate(tx);
    } catch (InvalidTransactionException e) {
      TransactionRejectedException.Reason reason =
          switch (e.reason()) {
            case INVALID_CHAIN_ID -> WRONG_CHAIN_ID;
            case INVALID_SIGNATURE -> INVALID_SENDER;
            case INTRINSIC_GAS_TOO_LOW -> INTRINSIC_GAS;
            default -> MALFORMED;
          };
      throw new TransactionRejectedException(reason, e.getMessage());
    }
  }

  private void requireBump(Transaction old, Transaction replacement) {
    BigInteger bump = BigInteger.valueOf(100 + options.priceBumpPercent());
    BigInteger oldFee = old.maxFeePerGas().toUnsignedBigInteger();
    BigInteger oldTip = old.maxPriorityFeePerGas().toUnsignedBigInteger();
    BigInteger newFee = replacement.maxFeePerGas().toUnsignedBigInteger();
    BigInteger newTip = replacement.maxPriorityFeePerGas().toUnsignedBigInteger();
    BigInteger hundred = BigInteger.valueOf(100);
    // new ≥ old × (100 + bump) / 100, and strictly higher when old is 0
    boolean feeOk = newFee.multiply(hundred).compareTo(oldFee.multiply(bump)) >= 0 && newFee.compareTo(oldFee) > 0;
    boolean tipOk = newTip.multiply(hundred).compareTo(oldTip.multiply(bump)) >= 0 && newTip.compareTo(oldTip) > 0;
    if (!feeOk || !tipOk) {
      throw new TransactionRejectedException(
          REPLACEMENT_UNDERPRICED,
          "nonce " + Long.toUnsignedString(old.nonce()) + " has fee cap " + oldFee + " / tip " + oldTip
              + "; a replacement needs both " + options.priceBumpPercent() + "% higher, got " + newFee + " / " + newTip);
    }
  }

  /** Makes room for {@code tx} by evicting the cheapest tail transaction, or refuses it. */
  private void evictFor(Transaction tx) {
    PendingTransaction cheapest = null;
    for (TreeMap<Long, PendingTransaction> queue : bySender.values()) {
      PendingTransaction tail = queue.lastEntry().getValue();
      if (cheapest == null || tip(tail).compareTo(tip(cheapest)) < 0) {
        cheapest = tail;
      }
    }
    BigInteger newTip = tx.maxPriorityFeePerGas().toUnsignedBigInteger();
    if (cheapest == null || newTip.compareTo(tip(cheapest)) <= 0) {
      throw new TransactionRejectedException(
          POOL_FULL, options.maxTransactions() + " transactions; tip " + newTip + " does not beat the cheapest "
              + (cheapest == null ? "-" : tip(cheapest)));
    }
    remove(cheapest);
  }

  private static BigInteger tip(PendingTransaction p) {
    return p.transaction().maxPriorityFeePerGas().toUnsignedBigInteger();
  }

  private void remove(PendingTransaction p) {
    byHash.remove(p.hash());
    TreeMap<Long, PendingTransaction> queue = bySender.get(p.sender());
    if (queue != null) {
      queue.remove(p.nonce());
      if (queue.isEmpty()) {
        bySender.remove(p.sender());
      }
    }
  }

  /**
   * Executable transactions for the next block: per sender, consecutive nonces from the account
   * nonce; across senders, the highest tip first, then the earliest arrival.
   */
  public List<PendingTransaction> candidates(int max) {
    List<Address> senders;
    synchronized (this) {
      senders = new ArrayList<>(bySender.keySet());
    }
    Map<Address, Long> nonces = ledger.readState(s -> {
      Map<Address, Long> m = new HashMap<>();
      for (Address a : senders) {
        m.put(a, s.nonce(a));
      }
      return m;
    });
    // Per sender, the run of consecutive nonces from the state's nonce: only executable
    // transactions are copied, never whole queues (this runs every few milliseconds while a
    // block is being filled).
    List<List<PendingTransaction>> runs = new ArrayList<>();
    synchronized (this) {
      for (Map.Entry<Address, Long> e : nonces.entrySet()) {
        TreeMap<Long, PendingTransaction> queue = bySender.get(e.getKey());
        List<PendingTransaction> run = new ArrayList<>();
        for (long n = e.getValue(); queue != null && run.size() < max; n++) {
          PendingTransaction p = queue.get(n);
          if (p == null) {
            break;
          }
          run.add(p);
        }
        if (!run.isEmpty()) {
          runs.add(run);
        }
      }
    }
    Comparator<PendingTransaction> order =
        Comparator.comparing(TransactionPool::tip).reversed().thenComparingLong(PendingTransaction::sequence);
    // Heads of the runs by priority; each entry is (run index, position in the run).
    PriorityQueue<int[]> heads = new PriorityQueue<>(
        (x, y) -> order.compare(runs.get(x[0]).get(x[1]), runs.get(y[0]).get(y[1])));
    for (int i = 0; i < runs.size(); i++) {
      heads.add(new int[] {i, 0});
    }
    List<PendingTransaction> result = new ArrayList<>();
    while (!heads.isEmpty() && result.size() < max) {
      int[] next = heads.poll();
      List<PendingTransaction> run = runs.get(next[0]);
      result.add(run.get(next[1]));
      if (next[1] + 1 < run.size()) {
        heads.add(new int[] {next[0], next[1] + 1});
      }
    }
    return result;
  }

  /**
   * Drops transactions the new head included or made stale (nonce below the account's), once the
   * block is written. Reads the written state, not the head state: this runs on the thread that
   * writes blocks, while the producer may hold the state lock building the next block.
   */
  public void onBlock(StoredBlock block) {
    List<Address> senders;
    synchronized (this) {
      senders = new ArrayList<>(bySender.keySet());
    }
    Map<Address, Long> nonces = new HashMap<>();
    for (Address a : senders) {
      nonces.put(a, ledger.committedBalance(a).nonce());
    }
    synchronized (this) {
      for (Transaction tx : block.block().transactions()) {
        PendingTransaction p = byHash.get(tx.hash());
        if (p != null) {
          remove(p);
        }
      }
      for (var e : nonces.entrySet()) {
        TreeMap<Long, PendingTransaction> queue = bySender.get(e.getKey());
        if (queue == null) {
          continue;
        }
        for (PendingTransaction stale : new ArrayList<>(queue.headMap(e.getValue(), false).values())) {
          remove(stale);
        }
      }
    }
  }

  /** Removes a transaction the block builder found invalid against the state. */
  public synchronized void drop(Bytes32 hash) {
    PendingTransaction p = byHash.get(hash);
    if (p != null) {
      remove(p);
    }
  }

  public synchronized Optional<PendingTransaction> get(Bytes32 hash) {
    return Optional.ofNullable(byHash.get(hash));
  }

  public synchronized int size() {
    return byHash.size();
  }

  /** Every pending transaction (a copy), for RPC's pending views. */
  public synchronized List<PendingTransaction> all() {
    return new ArrayList<>(byHash.values());
  }

  /**
   * The nonce after the sender's consecutive pending run from its nonce in the last written block
   * (for {@code pending} nonce queries), both read under the pool's lock, so consistently.
   */
  public synchronized long pendingNonce(Address sender) {
    return pendingNonce(sender, ledger.committedBalance(sender).nonce());
  }

  /** The nonce after the sender's consecutive pending run from {@code accountNonce}. */
  public long pendingNonce(Address sender, long accountNonce) {
    synchronized (this) {
      TreeMap<Long, PendingTransaction> queue = bySender.get(sender);
      if (queue == null) {
        return accountNonce;
      }
      // The common case in O(log n): the queue is exactly the run from the account nonce (this is
      // asked on every admission, with hundreds pending per sender under load).
      if (queue.firstKey() == accountNonce && queue.lastKey() - accountNonce + 1 == queue.size()) {
        return queue.lastKey() + 1;
      }
      long n = accountNonce;
      while (queue.containsKey(n)) {
        n++;
      }
      return n;
    }
  }

}
