package org.drr.node.rpc.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.drr.node.rpc.RpcClient;
import org.drr.node.rpc.RpcTestSupport;
import org.drr.node.types.Transaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same signed transactions on anvil ({@code --hardfork cancun}, the reference node) and on the
 * RPC over the test chain: struct logs, call traces, revert errors and the field names of
 * transactions and receipts must agree.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnvilDifferentialTest {
  private Process anvil;
  private RpcClient reference;
  private RpcTestSupport.Scenario s;

  @BeforeAll
  void setUp(@TempDir Path dir) throws Exception {
    s = RpcTestSupport.scenario(dir);
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    anvil =
        new ProcessBuilder(
                "npx",
                "anvil",
                "--port",
                Integer.toString(port),
                "--silent",
                "--hardfork",
                "cancun",
                "--chain-id",
                "1337",
                "--base-fee",
                "7",
                "--steps-tracing")
            .directory(projectRoot().toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    reference = new RpcClient(port);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        reference.call("eth_chainId");
        break;
      } catch (IOException notYet) {
        if (!anvil.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "anvil did not start (alive: " + anvil.isAlive() + ")", notYet);
        }
        Thread.sleep(200);
      }
    }
    for (var key : List.of(RpcTestSupport.ALICE, RpcTestSupport.BOB)) {
      reference.call("anvil_setBalance", key.address().toHexString(), "0xd3c21bcecceda1000000");
    }
    for (Transaction tx :
        List.of(s.deployment(), s.legacy(), s.eip1559(), s.forwarderDeployment(), s.storeCall())) {
      reference.call("eth_sendRawTransaction", tx.encoded().toHexString());
      JsonNode receipt = reference.call("eth_getTransactionReceipt", tx.hash().toHexString());
      for (int i = 0; i < 50 && receipt.isNull(); i++) {
        Thread.sleep(100);
        receipt = reference.call("eth_getTransactionReceipt", tx.hash().toHexString());
      }
      assertEquals(
          "0x1",
          receipt.path("status").asText(),
          "anvil executed "
              + tx.hash()
              + ": "
              + receipt
              + " pool: "
              + reference.call("txpool_content"));
    }
  }

  @AfterAll
  void tearDown() {
    if (anvil != null) {
      anvil.descendants().forEach(ProcessHandle::destroy);
      anvil.destroy();
    }
    s.fixture().close();
  }

  @Test
  void structLogsAgree() throws Exception {
    String hash = s.storeCall().hash().toHexString();
    JsonNode ours = s.fixture().client.call("debug_traceTransaction", hash, Map.of());
    JsonNode theirs = reference.call("debug_traceTransaction", hash, Map.of());
    assertEquals(theirs.get("gas"), ours.get("gas"));
    assertEquals(theirs.get("failed"), ours.get("failed"));
    assertEquals(theirs.get("returnValue"), ours.get("returnValue"));
    JsonNode a = ours.get("structLogs");
    JsonNode b = theirs.get("structLogs");
    assertEquals(b.size(), a.size(), "number of steps");
    for (int i = 0; i < a.size(); i++) {
      for (String field : List.of("pc", "op", "gas", "gasCost", "depth", "stack", "storage")) {
        assertEquals(
            b.get(i).get(field),
            a.get(i).get(field),
            "step " + i + " field " + field + "\nours:   " + a.get(i) + "\ntheirs: " + b.get(i));
      }
    }
  }

  @Test
  void callTracesAgree() throws Exception {
    String hash = s.storeCall().hash().toHexString();
    Map<String, String> options = Map.of("tracer", "callTracer");
    JsonNode ours = s.fixture().client.call("debug_traceTransaction", hash, options);
    JsonNode theirs = reference.call("debug_traceTransaction", hash, options);
    assertEquals(theirs, ours);
  }

  @Test
  void revertErrorsAgree() throws Exception {
    Map<String, String> call = Map.of("to", s.store().toHexString());
    JsonNode ours = s.fixture().client.error("eth_call", call, "latest");
    JsonNode theirs = reference.error("eth_call", call, "latest");
    assertEquals(theirs.get("code"), ours.get("code"));
    assertEquals(theirs.get("data"), ours.get("data"));
    assertEquals(theirs.get("message"), ours.get("message"));
  }

  @Test
  void transactionAndReceiptFieldsAgree() throws Exception {
    for (Transaction tx : List.of(s.legacy(), s.eip1559(), s.deployment())) {
      String hash = tx.hash().toHexString();
      assertEquals(
          fields(reference.call("eth_getTransactionByHash", hash)),
          fields(s.fixture().client.call("eth_getTransactionByHash", hash)),
          "transaction " + tx.type());
      assertEquals(
          fields(reference.call("eth_getTransactionReceipt", hash)),
          fields(s.fixture().client.call("eth_getTransactionReceipt", hash)),
          "receipt " + tx.type());
    }
  }

  @Test
  void logFieldsAgree() throws Exception {
    Map<String, String> filter = Map.of("fromBlock", "0x0", "address", s.store().toHexString());
    JsonNode ours = s.fixture().client.call("eth_getLogs", filter);
    JsonNode theirs = reference.call("eth_getLogs", filter);
    assertEquals(theirs.size(), ours.size());
    assertEquals(fields(theirs.get(0)), fields(ours.get(0)));
    JsonNode receiptLog =
        reference
            .call("eth_getTransactionReceipt", s.storeCall().hash().toHexString())
            .get("logs")
            .get(0);
    assertEquals(
        fields(receiptLog),
        fields(
            s.fixture()
                .client
                .call("eth_getTransactionReceipt", s.storeCall().hash().toHexString())
                .get("logs")
                .get(0)));
  }

  /** Field names, without anvil's blobGasPrice (geth sends it only for blob transactions). */
  private static TreeSet<String> fields(JsonNode node) {
    TreeSet<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    names.remove("blobGasPrice");
    return names;
  }

  private static Path projectRoot() {
    String root = System.getProperty("drr.root");
    Path dir = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("node_modules"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no node_modules (with anvil) above " + root);
    }
    return dir;
  }
}
