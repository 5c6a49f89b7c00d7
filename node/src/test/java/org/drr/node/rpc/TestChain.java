package org.drr.node.rpc;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.drr.node.crypto.Keccak256;
import org.drr.node.evm.EvmTracer;
import org.drr.node.execution.BlockEnvironment;
import org.drr.node.execution.TransactionMessage;
import org.drr.node.execution.TransactionOutcome;
import org.drr.node.execution.TransactionProcessor;
import org.drr.node.fork.Fork;
import org.drr.node.rlp.RlpWriter;
import org.drr.node.rpc.simulation.MessageSimulator;
import org.drr.node.state.AccountState;
import org.drr.node.state.StateRoots;
import org.drr.node.state.Word256;
import org.drr.node.state.WorldState;
import org.drr.node.storage.CodeStorage;
import org.drr.node.storage.Column;
import org.drr.node.storage.RocksDbStorage;
import org.drr.node.storage.StorageOptions;
import org.drr.node.storage.StorageTransaction;
import org.drr.node.storage.TrieNodeStorage;
import org.drr.node.trie.InMemoryNodeStore;
import org.drr.node.trie.MerklePatriciaTrie;
import org.drr.node.trie.NodeStore;
import org.drr.node.trie.SecureMerklePatriciaTrie;
import org.drr.node.types.Address;
import org.drr.node.types.LogsBloom;
import org.drr.node.types.Receipt;
import org.drr.node.types.Transaction;
import org.drr.node.types.TransactionDecoder;
import org.drr.node.types.TransactionType;
import org.drr.node.types.TransactionValidator;

/**
 * A small chain for RPC tests, built from the real parts: transactions decoded and validated by the
 * types package, executed by the real {@link TransactionProcessor}, state committed into real
 * Merkle Patricia tries on RocksDB (so proofs and state reads go through the same trie code as the
 * node). Blocks are produced on demand by {@link #mine()}. Simulations replay the chain from
 * genesis on a fresh {@link WorldState}: slow for long chains, exact for tests.
 */
final class TestChain implements RpcBackend, AutoCloseable {
  static final long CHAIN_ID = 1337;
  static final long GAS_LIMIT = 30_000_000;
  static final UInt256 BASE_FEE = UInt256.valueOf(7);
  static final Address COINBASE =
      Address.fromHexString("0x00000000000000000000000000000000000c0ffe");
  static final long GENESIS_TIME = 1_700_000_000;

  private record Block(BlockView view, List<Receipt> receipts, List<Address> senders) {}

  private final Fork fork = Fork.CANCUN;
  private final TransactionProcessor processor = new TransactionProcessor(fork);
  private final RocksDbStorage storage;
  private final TrieNodeStorage nodes;
  private final CodeStorage codes;
  private final Map<Address, BigInteger> alloc;
  private final List<Block> blocks = new ArrayList<>();
  private final Map<Bytes32, Block> byHash = new ConcurrentHashMap<>();
  private final Map<Bytes32, TransactionLocation> locations = new ConcurrentHashMap<>();
  private final Map<Bytes32, Transaction> pool = new LinkedHashMap<>();
  private final List<ChainListener> listeners = new CopyOnWriteArrayList<>();
  private WorldState head;

  TestChain(Path dataDir, Map<Address, BigInteger> alloc) {
    this.storage =
        RocksDbStorage.open(dataDir, StorageOptions.fast(Column.TRIE_NODES, Column.CODE));
    this.nodes = new TrieNodeStorage(storage);
    this.codes = new CodeStorage(storage);
    this.alloc = Map.copyOf(alloc);
    this.head = genesisState();
    Bytes32 root = commit(head);
    addBlock(
        header(Bytes32.ZERO, 0, root, List.of(), List.of(), 0), List.of(), List.of(), List.of());
  }

  private WorldState genesisState() {
    WorldState state = new WorldState();
    alloc.forEach((a, balance) -> state.putCommitted(a, 0, balance, new byte[0], Map.of()));
    return state;
  }

  /** Executes every pooled transaction that is valid now into a new block; returns it. */
  synchronized BlockView mine() {
    Block parent = blocks.get(blocks.size() - 1);
    long number = parent.view().number() + 1;
    BlockEnvironment env = environment(number);
    List<Transaction> included = new ArrayList<>();
    List<Receipt> receipts = new ArrayList<>();
    List<Address> senders = new ArrayList<>();
    long cumulative = 0;
    for (Transaction tx : List.copyOf(pool.values())) {
      Address sender = tx.sender();
      try {
        TransactionOutcome outcome = processor.execute(head, env, message(tx, sender), cumulative);
        cumulative = outcome.receipt().cumulativeGasUsed();
        included.add(tx);
        receipts.add(outcome.receipt());
        senders.add(sender);
      } catch (org.drr.node.execution.TransactionRejectedException e) {
        // stays out of the block, as a real producer would leave it out
      }
      pool.remove(tx.hash());
    }
    Bytes32 root = commit(head);
    BlockHeaderView header =
        header(parent.view().header().hash(), number, root, included, receipts, cumulative);
    BlockView view = addBlock(header, included, receipts, senders);
    for (ChainListener listener : listeners) {
      listener.onNewBlock(view, receipts);
    }
    return view;
  }

  private BlockView addBlock(
      BlockHeaderView header,
      List<Transaction> txs,
      List<Receipt> receipts,
      List<Address> senders) {
    long size = txs.stream().mapToLong(t -> t.encoded().size()).sum() + 600;
    BlockView view = new BlockView(header, txs, size);
    Block block = new Block(view, List.copyOf(receipts), List.copyOf(senders));
    blocks.add(block);
    byHash.put(header.hash(), block);
    for (int i = 0; i < txs.size(); i++) {
      locations.put(txs.get(i).hash(), new TransactionLocation(header.hash(), header.number(), i));
    }
    return view;
  }

  private BlockEnvironment environment(long number) {
    return new BlockEnvironment(
        COINBASE,
        number,
        GENESIS_TIME + number,
        GAS_LIMIT,
        BASE_FEE.toBigInteger(),
        Word256.ZERO,
        CHAIN_ID,
        BigInteger.ONE,
        n -> Word256.fromBytes(blocks.get((int) n).view().header().hash().toArrayUnsafe()));
  }

  private static TransactionMessage message(Transaction tx, Address sender) {
    boolean dynamic = tx.type() == TransactionType.EIP1559;
    return new TransactionMessage(
        tx.type(),
        sender,
        tx.to().orElse(null),
        tx.nonce(),
        tx.gasLimit(),
        tx.value().toBigInteger(),
        tx.data(),
        dynamic ? null : tx.maxFeePerGas().toBigInteger(),
        dynamic ? tx.maxFeePerGas().toBigInteger() : null,
        dynamic ? tx.maxPriorityFeePerGas().toBigInteger() : null,
        tx.accessList());
  }

  /** Writes the state's tries and code to RocksDB; returns the state root. */
  private Bytes32 commit(WorldState state) {
    SecureMerklePatriciaTrie accounts = new SecureMerklePatriciaTrie(nodes);
    try (StorageTransaction transaction = storage.startTransaction()) {
      for (Map.Entry<Address, AccountState> e : state.accounts().entrySet()) {
        SecureMerklePatriciaTrie slots = new SecureMerklePatriciaTrie(nodes);
        for (Map.Entry<Word256, Word256> slot : e.getValue().storageView().entrySet()) {
          if (!slot.getValue().isZero()) {
            RlpWriter w = new RlpWriter(40);
            w.writeScalar(Bytes.wrap(slot.getValue().toBytes()));
            slots.put(Bytes.wrap(slot.getKey().toBytes()), w.toBytes());
          }
        }
        slots.commit();
        codes.stage(Bytes.wrap(e.getValue().code()), transaction);
        accounts.put(e.getKey().bytes(), StateRoots.toAccount(e.getValue()).encode());
      }
      transaction.commit();
    }
    return accounts.commit();
  }

  private static BlockHeaderView header(
      Bytes32 parent,
      long number,
      Bytes32 stateRoot,
      List<Transaction> txs,
      List<Receipt> receipts,
      long gasUsed) {
    MerklePatriciaTrie txTrie = new MerklePatriciaTrie(new InMemoryNodeStore());
    MerklePatriciaTrie receiptTrie = new MerklePatriciaTrie(new InMemoryNodeStore());
    LogsBloom bloom = LogsBloom.EMPTY;
    for (int i = 0; i < txs.size(); i++) {
      Bytes key = new RlpWriter().writeLong(i).toBytes();
      txTrie.put(key, txs.get(i).encoded());
      receiptTrie.put(key, receipts.get(i).encode());
      bloom = bloom.or(receipts.get(i).bloom());
    }
    Bytes32 ommers = Keccak256.hash(new RlpWriter().writeEmptyList().toBytes());
    Bytes extra = Bytes.fromHexString("0x647272");
    Bytes nonce = Bytes.wrap(new byte[8]);
    RlpWriter w = new RlpWriter();
    w.startList()
        .writeBytes(parent)
        .writeBytes(ommers)
        .writeBytes(COINBASE.bytes())
        .writeBytes(stateRoot)
        .writeBytes(txTrie.rootHash())
        .writeBytes(receiptTrie.rootHash())
        .writeBytes(bloom.bytes())
        .writeLong(1)
        .writeLong(number)
        .writeLong(GAS_LIMIT)
        .writeLong(gasUsed)
        .writeLong(GENESIS_TIME + number)
        .writeBytes(extra)
        .writeBytes(Bytes32.ZERO)
        .writeBytes(nonce)
        .writeUInt256(BASE_FEE)
        .endList();
    return new BlockHeaderView(
        Keccak256.hash(w.toBytes()),
        parent,
        ommers,
        COINBASE,
        stateRoot,
        txTrie.rootHash(),
        receiptTrie.rootHash(),
        bloom,
        UInt256.ONE,
        number,
        GAS_LIMIT,
        gasUsed,
        GENESIS_TIME + number,
        extra,
        Bytes32.ZERO,
        nonce,
        Optional.of(BASE_FEE),
        Optional.empty(),
        OptionalLong.empty(),
        OptionalLong.empty(),
        Optional.empty());
  }

  /** The state after block {@code number}, rebuilt from genesis. */
  private synchronized WorldState stateAfter(long number) {
    WorldState state = genesisState();
    for (int n = 1; n <= number; n++) {
      replayBlock(state, blocks.get(n), -1, null);
    }
    return state;
  }

  /** Re-executes block transactions up to {@code stopAt} (all if -1); traces {@code stopAt}. */
  private TransactionOutcome replayBlock(
      WorldState state, Block block, int stopAt, EvmTracer tracer) {
    BlockEnvironment env = environment(block.view().number());
    long cumulative = 0;
    List<Transaction> txs = block.view().transactions();
    for (int i = 0; i < txs.size(); i++) {
      boolean target = i == stopAt;
      TransactionOutcome outcome;
      try {
        outcome =
            processor.execute(
                state,
                env,
                message(txs.get(i), block.senders().get(i)),
                cumulative,
                target ? tracer : null);
      } catch (org.drr.node.execution.TransactionRejectedException e) {
        throw new IllegalStateException("a mined transaction no longer executes: " + e, e);
      }
      if (target) {
        return outcome;
      }
      cumulative = outcome.receipt().cumulativeGasUsed();
    }
    return null;
  }

  // ---- RpcBackend ----

  @Override
  public long chainId() {
    return CHAIN_ID;
  }

  @Override
  public synchronized long headNumber() {
    return blocks.size() - 1;
  }

  @Override
  public synchronized Optional<BlockView> blockByNumber(long number) {
    return number < 0 || number >= blocks.size()
        ? Optional.empty()
        : Optional.of(blocks.get((int) number).view());
  }

  @Override
  public Optional<BlockView> blockByHash(Bytes32 hash) {
    return Optional.ofNullable(byHash.get(hash)).map(Block::view);
  }

  @Override
  public Optional<List<Receipt>> receipts(Bytes32 blockHash) {
    return Optional.ofNullable(byHash.get(blockHash)).map(Block::receipts);
  }

  @Override
  public Optional<TransactionLocation> transactionLocation(Bytes32 transactionHash) {
    return Optional.ofNullable(locations.get(transactionHash));
  }

  @Override
  public synchronized Optional<Transaction> pendingTransaction(Bytes32 transactionHash) {
    return Optional.ofNullable(pool.get(transactionHash));
  }

  @Override
  public synchronized long pendingNonce(Address sender) {
    long nonce = head.nonce(sender);
    boolean found = true;
    while (found) {
      found = false;
      for (Transaction tx : pool.values()) {
        if (tx.nonce() == nonce && tx.sender().equals(sender)) {
          nonce++;
          found = true;
        }
      }
    }
    return nonce;
  }

  @Override
  public NodeStore stateNodes() {
    return nodes;
  }

  @Override
  public Optional<Bytes> code(Bytes32 codeHash) {
    return codes.get(codeHash);
  }

  @Override
  public CallOutcome simulate(CallRequest request, BlockHeaderView block, EvmTracer tracer)
      throws org.drr.node.execution.TransactionRejectedException {
    WorldState state = stateAfter(block.number());
    return new MessageSimulator(fork).run(state, environment(block.number()), request, tracer);
  }

  @Override
  public synchronized Optional<CallOutcome> replayTransaction(Bytes32 hash, EvmTracer tracer) {
    TransactionLocation location = locations.get(hash);
    if (location == null) {
      return Optional.empty();
    }
    Block block = byHash.get(location.blockHash());
    WorldState state = stateAfter(location.blockNumber() - 1);
    TransactionOutcome outcome = replayBlock(state, block, location.index(), tracer);
    return Optional.of(
        new CallOutcome(
            outcome.isSuccess(),
            "reverted".equals(outcome.failure()),
            Bytes.wrap(outcome.output()),
            outcome.gasUsed(),
            outcome.failure(),
            outcome.contractAddress(),
            outcome.receipt().logs()));
  }

  @Override
  public synchronized Bytes32 submitTransaction(Bytes raw) {
    Transaction tx;
    Address sender;
    try {
      tx = TransactionDecoder.decode(raw);
      sender = new TransactionValidator(fork, CHAIN_ID).validate(tx);
    } catch (org.drr.node.types.InvalidTransactionException e) {
      throw new TransactionRejectedException(e.reason().name(), e.getMessage());
    }
    long stateNonce = head.nonce(sender);
    if (tx.nonce() < stateNonce) {
      throw new TransactionRejectedException(
          "NONCE_TOO_LOW",
          "nonce too low: transaction "
              + tx.nonce()
              + ", account "
              + sender
              + " has "
              + stateNonce);
    }
    Bytes32 hash = tx.hash();
    pool.put(hash, tx);
    for (ChainListener listener : listeners) {
      listener.onPendingTransaction(tx, hash, sender);
    }
    return hash;
  }

  @Override
  public synchronized List<LogEntry> logs(LogQuery query, int limit) {
    List<LogEntry> found = new ArrayList<>();
    for (long n = query.fromBlock(); n <= Math.min(query.toBlock(), headNumber()); n++) {
      Block block = blocks.get((int) n);
      int logIndex = 0;
      for (int i = 0; i < block.receipts().size(); i++) {
        for (var log : block.receipts().get(i).logs()) {
          if (query.matches(log)) {
            found.add(
                new LogEntry(
                    log,
                    n,
                    block.view().header().hash(),
                    block.view().transactions().get(i).hash(),
                    i,
                    logIndex));
            if (found.size() > limit) {
              return found;
            }
          }
          logIndex++;
        }
      }
    }
    return found;
  }

  @Override
  public Optional<List<Address>> validatorsAt(long blockNumber) {
    return blockNumber <= headNumber() ? Optional.of(List.of(COINBASE)) : Optional.empty();
  }

  @Override
  public UInt256 minGasPrice() {
    return UInt256.valueOf(1_000);
  }

  @Override
  public UInt256 nextBaseFee(BlockHeaderView parent) {
    return BASE_FEE;
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

  @Override
  public void close() {
    storage.close();
  }
}
