package org.drr.node.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tuweni.bytes.Bytes;
import org.drr.node.chain.TestChains;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code drr node} as a real process on loopback: JSON-RPC over HTTP (send, receipt, balance,
 * call, logs, QBFT validators, the documented rejection wording), metrics, graceful SIGTERM, and
 * a restart that resumes from the head.
 */
class NodeProcessTest {
  private static final Pattern HTTP = Pattern.compile("JSON-RPC HTTP:\\s+http://127.0.0.1:(\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newHttpClient();
  @TempDir Path dir;

  private record Running(Process process, int port, List<String> log) {}

  private Running start() throws Exception {
    Path genesis = DrrNodeTest.writeGenesisAndKey(dir);
    Process p = new ProcessBuilder(
            ProcessHandle.current().info().command().orElse("java"), "-cp", System.getProperty("java.class.path"),
            NodeCommand.class.getName(), "--data-path", dir.resolve("data").toString(),
            "--genesis-file", genesis.toString(), "--node-private-key-file", dir.resolve("key").toString(),
            "--rpc-http-port", "0", "--rpc-ws-port", "0")
        .redirectErrorStream(true)
        .start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
    int port = -1;
    for (String line; (line = out.readLine()) != null; ) {
      log.add(line);
      Matcher m = HTTP.matcher(line);
      if (m.find()) {
        port = Integer.parseInt(m.group(1));
        break;
      }
    }
    assertTrue(port > 0, "no RPC port in the start-up summary:\n" + String.join("\n", log));
    Thread drain = new Thread(() -> {
      try {
        for (String line; (line = out.readLine()) != null; ) {
          log.add(line);
        }
      } catch (java.io.IOException e) {
        // process ended
      }
    });
    drain.setDaemon(true);
    drain.start();
    return new Running(p, port, log);
  }

  private JsonNode rpc(int port, String method, Object... params) throws Exception {
    String body = JSON.writeValueAsString(java.util.Map.of("jsonrpc", "2.0", "id", 1, "method", method, "params", List.of(params)));
    HttpResponse<String> r = client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port)).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body());
  }

  @Test
  void servesJsonRpcStopsOnSigtermAndResumes() throws Exception {
    Running node = start();
    String head;
    try {
      int port = node.port();
      assertEquals("0x539", rpc(port, "eth_chainId").get("result").asText());
      var tx = TestChains.tx(TestChains.ALICE, 0, TestChains.BOB.address(), 12345, Bytes.EMPTY);
      JsonNode sent = rpc(port, "eth_sendRawTransaction", tx.encoded().toHexString());
      assertEquals(tx.hash().toHexString(), sent.get("result").asText(), sent.toString());
      var future = TestChains.tx(TestChains.ALICE, 5, TestChains.BOB.address(), 1, Bytes.EMPTY);
      rpc(port, "eth_sendRawTransaction", future.encoded().toHexString());
      JsonNode again = rpc(port, "eth_sendRawTransaction", future.encoded().toHexString());
      assertTrue(again.get("error").get("message").asText().startsWith("already known"), again.toString());
      JsonNode receipt = null;
      long deadline = System.currentTimeMillis() + 15_000;
      while (System.currentTimeMillis() < deadline) {
        receipt = rpc(port, "eth_getTransactionReceipt", tx.hash().toHexString()).get("result");
        if (receipt != null && !receipt.isNull()) {
          break;
        }
        Thread.sleep(100);
      }
      assertTrue(receipt != null && !receipt.isNull(), "no receipt");
      assertEquals("0x1", receipt.get("status").asText());
      assertEquals("0x5208", receipt.get("gasUsed").asText());
      JsonNode stale = rpc(port, "eth_sendRawTransaction", tx.encoded().toHexString());
      assertTrue(stale.get("error").get("message").asText().startsWith("nonce too low"), stale.toString());
      JsonNode validators = rpc(port, "qbft_getValidatorsByBlockNumber", "latest");
      assertEquals(TestChains.VALIDATOR.address().toHexString(), validators.get("result").get(0).asText().toLowerCase());
      JsonNode call = rpc(port, "eth_call",
          java.util.Map.of("to", "0x00000000000000000000000000000000000000cc"), "latest");
      assertTrue(call.has("result"), call.toString());
      String asset = "0x" + "a5".repeat(32);
      var emit = TestChains.tx(TestChains.ALICE, 1, TestChains.EMITTER, 0, Bytes.fromHexString(asset));
      rpc(port, "eth_sendRawTransaction", emit.encoded().toHexString());
      JsonNode logs = null;
      long logDeadline = System.currentTimeMillis() + 15_000;
      while (System.currentTimeMillis() < logDeadline) {
        logs = rpc(port, "eth_getLogs", java.util.Map.of("fromBlock", "0x0", "toBlock", "latest",
            "topics", java.util.Arrays.asList(null, asset))).get("result");
        if (logs != null && logs.size() > 0) {
          break;
        }
        Thread.sleep(100);
      }
      assertEquals(1, logs.size(), String.valueOf(logs));
      assertEquals(emit.hash().toHexString(), logs.get(0).get("transactionHash").asText());
      head = rpc(port, "eth_blockNumber").get("result").asText();
    } finally {
      // SIGTERM through the handle: Process.destroy() would also close our end of its output pipe
      node.process().toHandle().destroy();
    }
    assertTrue(node.process().waitFor(30, TimeUnit.SECONDS), "node did not stop on SIGTERM");
    long logDeadline = System.currentTimeMillis() + 5_000;
    while (node.log().stream().noneMatch(l -> l.contains("drr node stopped")) && System.currentTimeMillis() < logDeadline) {
      Thread.sleep(50);
    }
    assertTrue(node.log().stream().anyMatch(l -> l.contains("drr node stopped")),
        "exit " + node.process().exitValue() + "\n" + String.join("\n", node.log()));
    Running again = start();
    try {
      assertEquals(head, rpc(again.port(), "eth_blockNumber").get("result").asText(), "resumed at the same head");
      assertTrue(again.log().stream().anyMatch(l -> l.contains("head:            #" + Long.decode(head))), String.join("\n", again.log()));
    } finally {
      again.process().destroy();
      again.process().waitFor(30, TimeUnit.SECONDS);
    }
  }
}
