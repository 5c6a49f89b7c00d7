package org.drr.node.app;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.drr.node.chain.BlockHeader;
import org.drr.node.chain.Ledger;
import org.drr.node.chain.LogPointer;
import org.drr.node.chain.PendingTransaction;
import org.drr.node.chain.StoredBlock;
import org.drr.node.chain.TransactionPool;
import org.drr.node.consensus.qbft.QbftExtraDataCodec;
import org.drr.node.evm.EvmTracer;
import org.drr.node.execution.BeaconRootsCall;
import org.drr.node.execution.TransactionOutcome;
import org.drr.node.execution.TransactionProcessor;
import org.drr.node.fork.Fork;
import org.drr.node.rpc.BlockHeaderView;
import org.drr.node.rpc.BlockView;
import org.drr.node.rpc.CallOutcome;
import org.drr.node.rpc.CallRequest;
import org.drr.node.rpc.ChainListener;
import org.drr.node.rpc.LogEntry;
import org.drr.node.rpc.LogQuery;
import org.drr.node.rpc.RpcBackend;
import org.drr.node.rpc.TransactionLocation;
import org.drr.node.rpc.TransactionRejectedException;
import org.drr.node.rpc.simulation.MessageSimulator;
import org.drr.node.state.WorldState;
import org.drr.node.trie.NodeStore;
import org.drr.node.types.Address;
import org.drr.node.types.Log;
import org.drr.node.types.Receipt;
import org.drr.node.types.Transaction;

/** The JSON-RPC server's view of the node: the ledger, its state and the pool. */
final class ChainRpcBackend implements RpcBackend {
  private final Ledger ledger;
  private final TransactionPool pool;
  private final List<ChainListener> listeners = new CopyOnWriteArrayList<>();

  ChainRpcBackend(Ledger ledger, TransactionPool pool) {
    this.ledger = ledger;
    this.pool = pool;
    ledger.chain().onBlockAdded(b -> {
      BlockView view = view(b);
      for (ChainListener l : listeners) {
        l.onNewBlock(view, b.receipts());
      }
    });
    pool.onAdded(p -> {
      for (ChainListener l : listeners) {
        l.onPendingTransaction(p.transaction(), p.hash(), p.sender());
      }
    });
  }

  @Override
  public long chainId() {
    return ledger.config().chainId();
  }

  @Override
  public long headNumber() {
    return ledger.chain().head().number();
  }

  @Override
  public Optional<BlockView> blockByNumber(long number) {
    return ledger.chain().block(number).map(this::view);
  }

  @Override
  public Optional<BlockView> blockByHash(Bytes32 hash) {
    return ledger.chain().block(hash).map(this::view);
  }

  /** The RPC view of a block. */
  private BlockView view(StoredBlock b) {
    return new BlockView(
        headerView(b.hash(), b.header()), b.block().transactions(), b.block().encodedSize());
  }

  static BlockHeaderView headerView(Bytes32 hash, BlockHeader h) {
    return new BlockHeaderView(
        hash, h.parentHash(), h.ommersHash(), h.coinbase(), h.stateRoot(), h.transactionsRoot(),
        h.receiptsRoot(), h.logsBloom(), UInt256.valueOf(h.difficulty()), h.number(), h.gasLimit(),
        h.gasUsed(), h.timestamp(), h.extraData(), h.mixHash(), h.nonce(),
        Optional.ofNullable(h.baseFee()).map(UInt256::valueOf), Optional.ofNullable(h.withdrawalsRoot()),
        h.blobGasUsed() == null ? OptionalLong.empty() : OptionalLong.of(h.blobGasUsed()),
        h.excessBlobGas() == null ? OptionalLong.empty() : OptionalLong.of(h.excessBlobGas()),
        Optional.ofNullable(h.parentBeaconBlockRoot()));
  }

  @Override
  public Optional<List<Receipt>> receipts(Bytes32 blockHash) {
    if (ledger.chain().header(blockHash).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(ledger.chain().receipts(blockHash));
  }

  @Override
  public Optional<TransactionLocation> transactionLocation(Bytes32 transactionHash) {
    return ledger.chain().transactionLocation(transactionHash)
        .map(l -> new TransactionLocation(l.blockHash(), l.blockNumber(), l.index()));
  }

  @Override
  public Optional<Transaction> pendingTransaction(Bytes32 transactionHash) {
    return pool.get(transactionHash).map(PendingTransaction::transaction);
  }

  @Override
  public long pendingNonce(Address sender) {
    return pool.pendingNonce(sender);
  }

  @Override
  public NodeStore stateNodes() {
    return ledger.chain().stateStore().nodes();
  }

  @Override
  public Optional<Bytes> code(Bytes32 codeHash) {
    return ledger.chain().stateStore().code().get(codeHash);
  }

  /**
   * The state after block {@code number}/{@code stateRoot}, read lazily: a call costs what it
   * touches and never waits for the block being built.
   */
  private WorldState stateAfter(Bytes32 stateRoot) {
    return ledger.chain().stateStore().stateAt(stateRoot);
  }

  @Override
  public CallOutcome simulate(CallRequest request, BlockHeaderView block, EvmTracer tracer)
      throws org.drr.node.execution.TransactionRejectedException {
    BlockHeader header = ledger.chain().header(block.hash())
        .orElseThrow(() -> new IllegalArgumentException("unknown block " + block.hash()));
    Fork fork = ledger.forkAt(header.timestamp());
    WorldState state = stateAfter(header.stateRoot());
    return new MessageSimulator(fork).run(state, ledger.executor().environment(header, fork), request, tracer);
  }

  @Override
  public Optional<CallOutcome> replayTransaction(Bytes32 transactionHash, EvmTracer tracer) {
    Optional<org.drr.node.chain.TransactionLocation> loc = ledger.chain().transactionLocation(transactionHash);
    if (loc.isEmpty()) {
      return Optional.empty();
    }
    StoredBlock block = ledger.chain().block(loc.get().blockHash()).orElseThrow();
    BlockHeader parent = ledger.chain().header(block.header().parentHash()).orElseThrow();
    WorldState state = stateAfter(parent.stateRoot());
    Fork fork = ledger.forkAt(block.header().timestamp());
    var env = ledger.executor().environment(block.header(), fork);
    TransactionProcessor processor = new TransactionProcessor(fork);
    BeaconRootsCall.apply(state, fork, env, block.header().parentBeaconBlockRoot());
    long gasUsed = 0;
    List<Transaction> txs = block.block().transactions();
    try {
      for (int i = 0; i <= loc.get().index(); i++) {
        Transaction tx = txs.get(i);
        var message = new PendingTransaction(tx, tx.sender(), i).toMessage();
        boolean target = i == loc.get().index();
        TransactionOutcome o = processor.execute(state, env, message, gasUsed, target ? tracer : null);
        gasUsed += o.gasUsed();
        if (target) {
          boolean reverted = org.drr.node.evm.Status.name(org.drr.node.evm.Status.REVERT).equals(o.failure());
          return Optional.of(new CallOutcome(o.isSuccess(), reverted, Bytes.wrap(o.output()), o.gasUsed(),
              o.failure(), o.contractAddress(), o.receipt().logs()));
        }
      }
    } catch (org.drr.node.execution.TransactionRejectedException e) {
      throw new IllegalStateException("replaying mined transaction " + transactionHash + " failed: " + e.getMessage(), e);
    }
    return Optional.empty();
  }

  @Override
  public Bytes32 submitTransaction(Bytes rawTransaction) {
    try {
      return pool.addRaw(rawTransaction);
    } catch (org.drr.node.chain.TransactionRejectedException e) {
      throw new TransactionRejectedException(e.reason().name(), e.getMessage());
    }
  }

  @Override
  public List<LogEntry> logs(LogQuery query, int limit) {
    long to = Math.min(query.toBlock(), headNumber());
    List<LogEntry> result = new ArrayList<>();
    TreeSet<Long> blocks = candidateBlocks(query, to);
    for (long n = query.fromBlock(); n <= to; ) {
      Long number = blocks == null ? Long.valueOf(n) : blocks.ceiling(n);
      if (number == null || number > to) {
        break;
      }
      n = number + 1;
      StoredBlock b = ledger.chain().block(number).orElse(null);
      if (b == null || !mayMatch(b.header(), query)) {
        continue;
      }
      int logIndex = 0;
      List<Receipt> receipts = b.receipts();
      for (int t = 0; t < receipts.size(); t++) {
        for (Log log : receipts.get(t).logs()) {
          if (query.matches(log)) {
            result.add(new LogEntry(log, number, b.hash(), b.block().transactions().get(t).hash(), t, logIndex));
            if (result.size() > limit) {
              return result;
            }
          }
          logIndex++;
        }
      }
    }
    return result;
  }

  /** Blocks holding a log with one of the first constrained topic position's topics, or null. */
  private TreeSet<Long> candidateBlocks(LogQuery query, long to) {
    for (List<Bytes32> position : query.topics()) {
      if (!position.isEmpty()) {
        TreeSet<Long> blocks = new TreeSet<>();
        for (Bytes32 topic : position) {
          for (LogPointer p : ledger.chain().logsWithTopic(topic, query.fromBlock(), to)) {
            blocks.add(p.blockNumber());
          }
        }
        return blocks;
      }
    }
    return null;
  }

  private static boolean mayMatch(BlockHeader h, LogQuery q) {
    if (!q.addresses().isEmpty() && q.addresses().stream().noneMatch(a -> h.logsBloom().mayContain(a.bytes()))) {
      return false;
    }
    for (List<Bytes32> position : q.topics()) {
      if (!position.isEmpty() && position.stream().noneMatch(t -> h.logsBloom().mayContain(t))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Optional<List<Address>> validatorsAt(long blockNumber) {
    return ledger.chain().header(blockNumber).map(h -> QbftExtraDataCodec.decode(h.extraData()).validators());
  }

  @Override
  public UInt256 minGasPrice() {
    return UInt256.valueOf(pool.options().minGasPrice());
  }

  @Override
  public UInt256 nextBaseFee(BlockHeaderView parent) {
    BlockHeader h = ledger.chain().header(parent.hash())
        .orElseThrow(() -> new IllegalArgumentException("unknown block " + parent.hash()));
    BigInteger fee = ledger.executor().nextBaseFee(h);
    return UInt256.valueOf(fee);
  }

  @Override
  public int peerCount() {
    return 0;
  }

  @Override
  public AutoCloseable addListener(ChainListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }
}
