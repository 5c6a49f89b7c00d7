package org.drr.node.app;

import java.math.BigInteger;
import java.nio.file.Path;
import org.drr.node.types.Address;

/**
 * Everything a node needs to start, as {@link NodeCommand} resolved it.
 *
 * @param nodeKeyFile the validator key (hex), or null for {@code <dataPath>/key}, created if absent
 * @param permissionsRegistry the ParticipantRegistry gating senders, or null to take it from the
 *     genesis {@code drr.participantRegistry} entry; {@link #permissionsEnabled} false accepts any
 *     sender
 * @param rpcHttpPort 0 picks a free port (reported in the summary)
 * @param rpcHttpMaxActiveConnections most open HTTP JSON-RPC connections
 */
public record NodeConfig(
    Path dataPath,
    Path genesisFile,
    Path nodeKeyFile,
    boolean rpcHttpEnabled,
    String rpcHttpHost,
    int rpcHttpPort,
    java.util.List<String> rpcHostAllowlist,
    java.util.List<String> rpcCorsOrigins,
    boolean rpcWsEnabled,
    int rpcWsPort,
    BigInteger minGasPrice,
    boolean metricsEnabled,
    String metricsHost,
    int metricsPort,
    boolean emptyBlocks,
    boolean permissionsEnabled,
    Address permissionsRegistry,
    int txPoolMaxSize,
    int rpcHttpMaxActiveConnections) {}
