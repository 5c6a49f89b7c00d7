package org.drr.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Where the node is and which registry deployment on it to use. */
public final class NodeOptions {
  @Option(
      names = "--rpc-url",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      defaultValue = "${env:DRR_RPC_URL:-http://127.0.0.1:8545}",
      description = "JSON-RPC endpoint of the node (default: ${DEFAULT-VALUE}).")
  String rpcUrl;

  @Option(
      names = "--deployment",
      scope = ScopeType.INHERIT,
      paramLabel = "FILE",
      defaultValue = "${env:DRR_HOME:-${sys:user.home}/.drr}/deployment.json",
      description = "Registry deployment file written by 'drr deploy' (default: ${DEFAULT-VALUE}).")
  Path deploymentFile;

  public String rpcUrl() {
    return rpcUrl;
  }

  public Path deploymentFile() {
    return deploymentFile;
  }
}
