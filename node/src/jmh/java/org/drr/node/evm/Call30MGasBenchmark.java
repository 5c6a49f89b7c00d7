package org.drr.node.evm;

import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.drr.node.execution.BlockEnvironment;
import org.drr.node.execution.TransactionMessage;
import org.drr.node.execution.TransactionOutcome;
import org.drr.node.execution.TransactionProcessor;
import org.drr.node.fork.Fork;
import org.drr.node.state.Word256;
import org.drr.node.state.WorldState;
import org.drr.node.types.Address;
import org.drr.node.types.TransactionType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One compute-bound call of almost 30M gas, executed by drr's transaction processor and by
 * anvil's {@code eth_call} in the same run. The same bytecode runs in both as the init code of
 * a contract-creation call ({@code eth_call} without {@code to}), so no deployment is needed.
 * anvil (the pinned npm install, {@code node_modules/.bin/anvil}) is started on a free loopback
 * port for the trial and stopped afterwards; its time includes one local HTTP round trip.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class Call30MGasBenchmark {
  /** 505,000 rounds x 58 gas = 29.29M gas of execution, under anvil's 30M call gas cap. */
  static final int ITERATIONS = 505_000;
  static final long GAS_LIMIT = 30_000_000L;
  private static final Address SENDER = Address.fromHexString("0x00000000000000000000000000000000000a11ce");

  private final TransactionProcessor processor = new TransactionProcessor(Fork.CANCUN);
  private byte[] code;
  private BlockEnvironment block;
  private Process anvil;
  private HttpClient http;
  private URI rpc;
  private String callBody;

  @Setup
  public void setUp() throws Exception {
    code = ComputeLoop.code(ITERATIONS);
    block = new BlockEnvironment(Address.ZERO, 1, 1, GAS_LIMIT, BigInteger.ZERO, Word256.ZERO, 1,
        BigInteger.ONE, n -> Word256.ZERO);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    anvil = new ProcessBuilder(anvilBinary().toString(), "--port", Integer.toString(port),
            "--host", "127.0.0.1", "--gas-limit", Long.toString(GAS_LIMIT), "--silent")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    http = HttpClient.newHttpClient();
    rpc = URI.create("http://127.0.0.1:" + port);
    callBody = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_call\",\"params\":[{\"from\":\""
        + SENDER.toHexString() + "\",\"gas\":\"0x" + Long.toHexString(GAS_LIMIT)
        + "\",\"data\":\"0x" + HexFormat.of().formatHex(code) + "\"},\"latest\"]}";
    waitForAnvil();
    drr(); // also proves both sides accept the call before timing starts
    anvilCall();
  }

  @TearDown
  public void tearDown() throws InterruptedException {
    if (anvil != null) {
      anvil.destroy();
      if (!anvil.waitFor(10, TimeUnit.SECONDS)) {
        anvil.destroyForcibly();
      }
    }
  }

  @Benchmark
  public long drr() throws Exception {
    WorldState state = new WorldState();
    state.putCommitted(SENDER, 0, BigInteger.TEN.pow(18), new byte[0], Map.of());
    TransactionMessage tx = new TransactionMessage(TransactionType.EIP1559, SENDER, null, 0,
        GAS_LIMIT, BigInteger.ZERO, Bytes.wrap(code), null, BigInteger.ZERO, BigInteger.ZERO,
        List.of());
    TransactionOutcome out = processor.execute(state, block, tx, 0);
    if (!out.isSuccess()) {
      throw new IllegalStateException("drr call failed: " + out.failure());
    }
    return out.gasUsed();
  }

  @Benchmark
  public String anvilCall() throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(
        HttpRequest.newBuilder(rpc).timeout(Duration.ofMinutes(2))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(callBody)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200 || r.body().contains("\"error\"")) {
      throw new IllegalStateException("anvil eth_call failed: " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  /** CPU time (utime + stime, clock ticks) the anvil process has used so far. */
  long anvilCpuTicks() throws IOException {
    return Call30MGasCpuTime.cpuTicks(anvil.pid());
  }

  private void waitForAnvil() throws InterruptedException {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      try {
        http.send(HttpRequest.newBuilder(rpc).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
        return;
      } catch (IOException notYet) {
        Thread.sleep(200);
      }
    }
    throw new IllegalStateException("anvil did not answer on " + rpc + " within 60 s");
  }

  /** node_modules/.bin/anvil in the project root, found from the working directory upwards. */
  private static Path anvilBinary() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path native_ = dir.resolve("node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil");
      if (Files.isExecutable(native_)) {
        return native_;
      }
      Path bin = dir.resolve("node_modules/.bin/anvil");
      if (Files.isExecutable(bin)) {
        return bin;
      }
    }
    throw new IllegalStateException(
        "anvil not found: expected node_modules/.bin/anvil above " + Path.of("").toAbsolutePath()
            + " (install the pinned npm tooling)");
  }
}
