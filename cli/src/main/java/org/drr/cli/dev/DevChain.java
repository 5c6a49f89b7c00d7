package org.drr.cli.dev;

/**
 * A local development chain that {@code drr dev} runs in the foreground. Today this is anvil;
 * the project's own node will implement the same interface, so {@code drr dev} does not change.
 *
 * <p>Contract: after {@link #start()} returns, {@link #rpcUrl()} answers JSON-RPC and
 * {@link #funderKey()} controls an account with enough balance to deploy the registry and fund
 * the demo accounts. State survives {@link #close()} and a later {@link #start()}.
 */
public interface DevChain extends AutoCloseable {
  /** Starts the chain (resuming saved state) and returns once its RPC endpoint answers. */
  void start() throws Exception;

  /** The JSON-RPC URL, valid after {@link #start()}. */
  String rpcUrl();

  /** Hex private key of a pre-funded dev account. Dev chains only; never a real key. */
  String funderKey();

  /** Blocks until the chain process ends (e.g. on Ctrl-C). */
  void awaitExit() throws InterruptedException;

  /** True while the chain process is alive. */
  boolean isRunning();

  /** Stops the chain, saving its state. */
  @Override
  void close();
}
