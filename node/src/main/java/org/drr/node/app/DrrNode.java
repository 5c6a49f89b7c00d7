package org.drr.node.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.drr.node.chain.ChainColumns;
import org.drr.node.chain.GenesisConfig;
import org.drr.node.chain.Ledger;
import org.drr.node.chain.PoolOptions;
import org.drr.node.chain.RegistrySenderPermission;
import org.drr.node.chain.SenderPermission;
import org.drr.node.chain.TransactionPool;
import org.drr.node.consensus.qbft.CommitSealer;
import org.drr.node.consensus.qbft.QbftBlockHashing;
import org.drr.node.consensus.qbft.QbftExtraDataCodec;
import org.drr.node.consensus.qbft.SingleValidatorProducer;
import org.drr.node.crypto.KeyPair;
import org.drr.node.execution.DeepStack;
import org.drr.node.rpc.JsonRpcService;
import org.drr.node.rpc.RpcLimits;
import org.drr.node.rpc.transport.RpcServerConfig;
import org.drr.node.storage.Column;
import org.drr.node.storage.RocksDbStorage;
import org.drr.node.storage.StorageOptions;
import org.drr.node.types.Address;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running node: RocksDB storage under {@code <data-path>/database}, the ledger (genesis on first
 * start, the stored head afterwards), the transaction pool, the single-validator QBFT producer,
 * JSON-RPC and metrics. {@link #start} brings them up in that order; {@link #close} stops them in
 * reverse, finishing the block in progress, so a stop never leaves a partial block (and a kill
 * cannot either: each block is one atomic write, and its state, written after it, is re-executed
 * on start-up if a kill came first).
 */
public final class DrrNode implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DrrNode.class);

  private final NodeConfig config;
  private RocksDbStorage storage;
  private Ledger ledger;
  private TransactionPool pool;
  private SingleValidatorProducer producer;
  private NodeMetrics metrics;
  private ChainRpcBackend rpcBackend;
  private JsonRpcService rpc;
  private Address validator;
  private int metricsPort = -1;

  private DrrNode(NodeConfig config) {
    this.config = config;
  }

  /** Starts a node; on failure everything already started is closed again. */
  public static DrrNode start(NodeConfig config) throws IOException {
    DrrNode node = new DrrNode(config);
    try {
      node.startAll();
      return node;
    } catch (IOException | RuntimeException e) {
      node.close();
      throw e;
    }
  }

  private void startAll() throws IOException {
    GenesisConfig genesis = GenesisConfig.load(config.genesisFile());
    Files.createDirectories(config.dataPath());
    Path dbPath = config.dataPath().resolve("database");
    storage = RocksDbStorage.open(dbPath, StorageOptions.durable(ChainColumns.ALL.toArray(new Column[0])));
    ledger = Ledger.open(storage, genesis, QbftBlockHashing.INSTANCE);
    KeyPair key = NodeKeys.loadOrCreate(
        config.nodeKeyFile() != null ? config.nodeKeyFile() : config.dataPath().resolve("key"));
    validator = key.address();

    SenderPermission permission = SenderPermission.ALLOW_ALL;
    Address registry = config.permissionsRegistry();
    if (registry == null && genesis.extensions().containsKey("participantregistry")) {
      registry = Address.fromHexString(genesis.extensions().get("participantregistry"));
    }
    if (config.permissionsEnabled() && registry != null) {
      permission = new RegistrySenderPermission(ledger, registry);
    }
    pool = new TransactionPool(
        ledger,
        PoolOptions.DEFAULT.withMinGasPrice(config.minGasPrice()).withMaxTransactions(config.txPoolMaxSize()),
        permission);

    metrics = new NodeMetrics();
    metrics.setHeight(ledger.chain().head().number());
    metrics.poolSize(pool::size);
    metrics.database(dbPath);
    if (config.metricsEnabled()) {
      metricsPort = metrics.serve(config.metricsHost(), config.metricsPort());
    }
    rpcBackend = new ChainRpcBackend(ledger, pool);
    if (config.rpcHttpEnabled() || config.rpcWsEnabled()) {
      RpcServerConfig rpcConfig = new RpcServerConfig(
          config.rpcHttpHost(),
          config.rpcHttpEnabled() ? config.rpcHttpPort() : -1,
          config.rpcWsEnabled() ? config.rpcWsPort() : -1,
          config.rpcCorsOrigins(),
          config.rpcHostAllowlist(),
          Math.max(4, Runtime.getRuntime().availableProcessors() * 2),
          config.rpcHttpMaxActiveConnections());
      rpc = JsonRpcService.start(rpcBackend, rpcConfig, RpcLimits.DEFAULTS);
      metrics.rpcMetrics(rpc.metrics()::writePrometheus);
    }

    QbftLedgerAdapter adapter = new QbftLedgerAdapter(ledger, pool, metrics);
    producer = new SingleValidatorProducer(
        adapter, adapter, adapter, new CommitSealer(key), genesis.qbft().blockPeriodSeconds(),
        config.emptyBlocks(), System::currentTimeMillis, DeepStack::newThread);
    producer.start();
    logSummary(genesis, permission, registry);
  }

  private void logSummary(GenesisConfig genesis, SenderPermission permission, Address registry) {
    var head = ledger.chain().head();
    var validators = QbftExtraDataCodec.decode(head.header().extraData()).validators();
    StringBuilder s = new StringBuilder("\n####################################################\n");
    s.append("drr node started\n")
        .append("  chain id:        ").append(genesis.chainId()).append('\n')
        .append("  genesis hash:    ").append(ledger.chain().canonicalHash(0).orElseThrow().toHexString()).append('\n')
        .append("  head:            #").append(head.number()).append(' ').append(head.hash().toHexString()).append('\n')
        .append("  fork at head:    ").append(ledger.forkAt(head.header().timestamp())).append('\n')
        .append("  validator:       ").append(validator.toChecksumString())
        .append(validators.contains(validator) ? " (producing blocks)" : " (NOT in the validator set " + validators + ")").append('\n')
        .append("  block period:    ").append(genesis.qbft().blockPeriodSeconds()).append("s, empty blocks ")
        .append(config.emptyBlocks() ? "on" : "off").append('\n')
        .append("  permissioning:   ").append(permission == SenderPermission.ALLOW_ALL ? "off (any sender)" : "ParticipantRegistry " + registry).append('\n')
        .append("  data path:       ").append(config.dataPath().toAbsolutePath()).append('\n')
        .append("  JSON-RPC HTTP:   ").append(rpc != null && rpc.httpPort() >= 0 ? "http://" + config.rpcHttpHost() + ":" + rpc.httpPort() : "off").append('\n')
        .append("  JSON-RPC WS:     ").append(rpc != null && rpc.webSocketPort() >= 0 ? "ws://" + config.rpcHttpHost() + ":" + rpc.webSocketPort() : "off").append('\n')
        .append("  metrics:         ").append(metricsPort >= 0 ? "http://" + config.metricsHost() + ":" + metricsPort + "/metrics" : "off").append('\n');
    s.append("####################################################");
    LOG.info(s.toString());
  }

  public Ledger ledger() {
    return ledger;
  }

  public TransactionPool pool() {
    return pool;
  }

  public Address validator() {
    return validator;
  }

  public NodeMetrics metrics() {
    return metrics;
  }

  /** The bound metrics port, or -1 if metrics are off. */
  public int metricsPort() {
    return metricsPort;
  }

  /** The bound JSON-RPC HTTP port, or -1 if HTTP is off. */
  public int rpcHttpPort() {
    return rpc == null ? -1 : rpc.httpPort();
  }

  /** The bound JSON-RPC WebSocket port, or -1 if WebSocket is off. */
  public int rpcWsPort() {
    return rpc == null ? -1 : rpc.webSocketPort();
  }

  /** Stops RPC, production, metrics and storage, in that order; idempotent. */
  @Override
  public synchronized void close() {
    if (rpc != null) {
      rpc.close();
      rpc = null;
    }
    if (producer != null) {
      producer.close();
      producer = null;
    }
    if (ledger != null) {
      ledger.close(); // the last block's write lands before storage closes
    }
    if (metrics != null) {
      metrics.close();
    }
    if (storage != null) {
      storage.close();
      storage = null;
      LOG.info("drr node stopped");
    }
  }
}
