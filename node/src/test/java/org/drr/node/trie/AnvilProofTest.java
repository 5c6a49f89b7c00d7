package org.drr.node.trie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.drr.node.rlp.Rlp;
import org.drr.node.types.Account;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proofs from a real reference node: anvil's {@code eth_getProof} must verify with {@link
 * MerkleProof} against the block's state root, and its storage proofs against the account's storage
 * root. The accounts are made by plain value transfers and one tiny contract creation whose init
 * code writes two storage slots.
 */
class AnvilProofTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  // Init code: SSTORE(0, 0x2a); SSTORE(5, 0x1234); STOP — an account with storage, no code.
  private static final String INIT_CODE = "0x602a600055611234600555" + "00";

  private static Process anvil;
  private static URI rpc;
  private static int requestId;

  @BeforeAll
  static void startAnvil() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    anvil =
        new ProcessBuilder("npx", "anvil", "--port", Integer.toString(port), "--silent")
            .directory(projectRoot().toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    rpc = URI.create("http://127.0.0.1:" + port);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        call("eth_chainId");
        return;
      } catch (IOException notYet) {
        if (!anvil.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "anvil did not answer on " + rpc + " (alive: " + anvil.isAlive() + ")", notYet);
        }
        Thread.sleep(200);
      }
    }
  }

  @AfterAll
  static void stopAnvil() throws InterruptedException {
    if (anvil != null) {
      anvil.descendants().forEach(ProcessHandle::destroy);
      anvil.destroy();
      anvil.waitFor();
    }
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

  private static JsonNode call(String method, Object... params) throws IOException {
    ObjectNode request = JSON.createObjectNode();
    request.put("jsonrpc", "2.0");
    request.put("id", ++requestId);
    request.put("method", method);
    ArrayNode array = request.putArray("params");
    for (Object param : params) {
      array.add(JSON.valueToTree(param));
    }
    HttpResponse<String> response;
    try {
      response =
          HTTP.send(
              HttpRequest.newBuilder(rpc)
                  .header("Content-Type", "application/json")
                  .timeout(Duration.ofSeconds(10))
                  .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    JsonNode body = JSON.readTree(response.body());
    if (body.has("error")) {
      throw new IllegalStateException(method + " failed: " + body.get("error"));
    }
    return body.get("result");
  }

  private static JsonNode sendAndWait(ObjectNode tx) throws IOException {
    String hash = call("eth_sendTransaction", tx).asText();
    // Automine answers before the block is always readable when the machine is loaded: poll.
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    JsonNode receipt = call("eth_getTransactionReceipt", hash);
    while ((receipt == null || receipt.isNull()) && System.nanoTime() < deadline) {
      sleepBriefly();
      receipt = call("eth_getTransactionReceipt", hash);
    }
    assertTrue(receipt != null && !receipt.isNull(), "no receipt from anvil within 20 s for " + hash);
    assertEquals("0x1", receipt.get("status").asText(), "transaction " + hash + " failed");
    return receipt;
  }

  private static void sleepBriefly() throws IOException {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for a receipt", e);
    }
  }

  private static List<Bytes> proofOf(JsonNode nodes) {
    List<Bytes> proof = new ArrayList<>();
    nodes.forEach(node -> proof.add(Bytes.fromHexString(node.asText())));
    return proof;
  }

  private static UInt256 quantity(JsonNode hex) {
    return UInt256.fromHexString(hex.asText());
  }

  @Test
  void anvilsAccountAndStorageProofsVerifyAgainstItsStateRoot() throws Exception {
    String from = call("eth_accounts").get(0).asText();
    List<String> recipients =
        List.of(
            "0x00000000000000000000000000000000000000aa",
            "0x1000000000000000000000000000000000000bb0",
            "0xfeedfacefeedfacefeedfacefeedfacefeedface");
    for (int i = 0; i < recipients.size(); i++) {
      ObjectNode transfer = JSON.createObjectNode();
      transfer.put("from", from);
      transfer.put("to", recipients.get(i));
      transfer.put("value", "0x" + Long.toHexString(1_000_000_000L * (i + 1)));
      sendAndWait(transfer);
    }
    ObjectNode create = JSON.createObjectNode();
    create.put("from", from);
    create.put("data", INIT_CODE);
    String contract = sendAndWait(create).get("contractAddress").asText();

    Bytes32 stateRoot =
        Bytes32.fromHexString(
            call("eth_getBlockByNumber", "latest", false).get("stateRoot").asText());

    List<String> accounts = new ArrayList<>(recipients);
    accounts.add(from);
    accounts.add(contract);
    for (String address : accounts) {
      JsonNode answer = call("eth_getProof", address, List.of(), "latest");
      Optional<Bytes> value =
          SecureMerklePatriciaTrie.verifyProof(
              stateRoot, Bytes.fromHexString(address), proofOf(answer.get("accountProof")));
      Account account = Account.decode(value.orElseThrow(() -> new AssertionError(address)));
      assertEquals(quantity(answer.get("balance")), account.balance(), address);
      assertEquals(quantity(answer.get("nonce")).toLong(), account.nonce(), address);
      assertEquals(
          Bytes32.fromHexString(answer.get("storageHash").asText()), account.storageRoot());
      assertEquals(Bytes32.fromHexString(answer.get("codeHash").asText()), account.codeHash());
    }

    String absent = "0x000000000000000000000000000000000000dead";
    JsonNode absentAnswer = call("eth_getProof", absent, List.of(), "latest");
    assertEquals(
        Optional.empty(),
        SecureMerklePatriciaTrie.verifyProof(
            stateRoot, Bytes.fromHexString(absent), proofOf(absentAnswer.get("accountProof"))));

    String slot0 = "0x" + "00".repeat(32);
    String slot5 = "0x" + "00".repeat(31) + "05";
    String slot9 = "0x" + "00".repeat(31) + "09";
    JsonNode withStorage = call("eth_getProof", contract, List.of(slot0, slot5, slot9), "latest");
    Bytes32 storageRoot = Bytes32.fromHexString(withStorage.get("storageHash").asText());
    List<UInt256> expected = List.of(UInt256.valueOf(0x2a), UInt256.valueOf(0x1234), UInt256.ZERO);
    for (int i = 0; i < 3; i++) {
      JsonNode entry = withStorage.get("storageProof").get(i);
      assertEquals(expected.get(i), quantity(entry.get("value")));
      Optional<Bytes> stored =
          SecureMerklePatriciaTrie.verifyProof(
              storageRoot,
              Bytes32.fromHexString(entry.get("key").asText()),
              proofOf(entry.get("proof")));
      UInt256 slotValue =
          stored.map(v -> UInt256.fromBytes(Rlp.decodeBytes(v))).orElse(UInt256.ZERO);
      assertEquals(expected.get(i), slotValue, "slot " + entry.get("key"));
    }

    List<Bytes> tampered =
        proofOf(call("eth_getProof", from, List.of(), "latest").get("accountProof"));
    byte[] leaf = tampered.getLast().toArray();
    leaf[leaf.length - 1] ^= 1;
    tampered.set(tampered.size() - 1, Bytes.wrap(leaf));
    InvalidProofException e =
        assertThrows(
            InvalidProofException.class,
            () ->
                SecureMerklePatriciaTrie.verifyProof(
                    stateRoot, Bytes.fromHexString(from), tampered));
    assertEquals(InvalidProofException.Reason.HASH_MISMATCH, e.reason());
  }
}
