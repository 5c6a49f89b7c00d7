package org.drr.node.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.state.Word256;
import org.drr.node.types.Address;

/**
 * A genesis file in Besu's format, parsed. Keys are matched case-insensitively (as Besu does);
 * quantities may be JSON numbers, decimal strings or 0x-hex strings.
 *
 * <p>Required: {@code config.chainId}, {@code gasLimit}, {@code difficulty}, {@code extraData}
 * (the QBFT validator list) and a {@code config.qbft} section. London must be active from block 0
 * ({@code londonBlock} absent or 0). {@code baseFeePerGas} defaults, as in Besu, to 1 gwei when
 * London is active at genesis; {@code config.zeroBaseFee} keeps every later block's base fee at 0.
 */
public record GenesisConfig(
    long chainId,
    ForkSchedule forks,
    QbftOptions qbft,
    boolean zeroBaseFee,
    long gasLimit,
    BigInteger difficulty,
    long timestamp,
    Bytes extraData,
    Bytes32 mixHash,
    Bytes nonce,
    Address coinbase,
    Bytes32 parentHash,
    BigInteger baseFeePerGas,
    List<GenesisAccount> alloc,
    Map<String, String> extensions) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final BigInteger DEFAULT_GENESIS_BASE_FEE = BigInteger.valueOf(1_000_000_000L);

  public static GenesisConfig load(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read genesis file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses genesis JSON.
   *
   * @throws IllegalArgumentException naming the field and value that are missing or invalid
   */
  public static GenesisConfig parse(String json) {
    JsonNode root;
    try {
      root = lowerKeys(JSON.readTree(json));
    } catch (IOException e) {
      throw new IllegalArgumentException("genesis is not valid JSON: " + e.getMessage(), e);
    }
    JsonNode config = require(root, "config");
    long chainId = quantity(require(config, "chainid"), "config.chainId").longValueExact();
    long london = optionalLong(config, "londonblock", 0);
    if (london != 0) {
      throw new IllegalArgumentException(
          "config.londonBlock must be 0 (the EVM starts at London), got " + london);
    }
    for (String older :
        List.of("berlinblock", "istanbulblock", "byzantiumblock", "constantinopleblock",
            "petersburgblock", "homesteadblock", "eip150block", "eip155block", "eip158block")) {
      long at = optionalLong(config, older, 0);
      if (at != 0) {
        throw new IllegalArgumentException("config." + older + " must be 0 when London is at 0, got " + at);
      }
    }
    if (config.has("praguetime")) {
      throw new IllegalArgumentException(
          "config.pragueTime is set (" + config.get("praguetime") + ") but this node executes up to Cancun");
    }
    ForkSchedule forks =
        new ForkSchedule(
            optionalLong(config, "shanghaitime", Long.MAX_VALUE),
            optionalLong(config, "cancuntime", Long.MAX_VALUE));
    JsonNode q = require(config, "qbft");
    QbftOptions qbft =
        new QbftOptions(
            optionalLong(q, "blockperiodseconds", 1),
            optionalLong(q, "epochlength", 30_000),
            optionalLong(q, "requesttimeoutseconds", 4),
            optionalLong(q, "emptyblockperiodseconds", 0));
    boolean zeroBaseFee = config.path("zerobasefee").asBoolean(false);
    BigInteger baseFee =
        root.has("basefeepergas")
            ? quantity(root.get("basefeepergas"), "baseFeePerGas")
            : DEFAULT_GENESIS_BASE_FEE;
    List<GenesisAccount> alloc = new ArrayList<>();
    JsonNode allocNode = root.path("alloc");
    for (Iterator<Map.Entry<String, JsonNode>> it = allocNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      alloc.add(account(e.getKey(), e.getValue()));
    }
    Map<String, String> extensions = new HashMap<>();
    root.path("drr").fields().forEachRemaining(e -> extensions.put(e.getKey(), e.getValue().asText()));
    return new GenesisConfig(
        chainId,
        forks,
        qbft,
        zeroBaseFee,
        quantity(require(root, "gaslimit"), "gasLimit").longValueExact(),
        quantity(require(root, "difficulty"), "difficulty"),
        root.has("timestamp") ? quantity(root.get("timestamp"), "timestamp").longValueExact() : 0,
        hexBytes(require(root, "extradata").asText(), "extraData"),
        root.has("mixhash") && !root.get("mixhash").asText().isEmpty()
            ? Bytes32.fromHexString(root.get("mixhash").asText())
            : Bytes32.ZERO,
        nonce8(quantity(root.get("nonce"), "nonce")),
        root.has("coinbase") ? Address.fromHexString(root.get("coinbase").asText()) : Address.ZERO,
        root.has("parenthash") ? Bytes32.fromHexString(root.get("parenthash").asText()) : Bytes32.ZERO,
        baseFee,
        alloc,
        extensions);
  }

  private static GenesisAccount account(String key, JsonNode node) {
    String hex = key.startsWith("0x") ? key : "0x" + key;
    Address address;
    try {
      address = Address.fromHexString(hex);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("alloc key '" + key + "' is not an address: " + e.getMessage(), e);
    }
    String where = "alloc." + key;
    BigInteger balance = node.has("balance") ? quantity(node.get("balance"), where + ".balance") : BigInteger.ZERO;
    long nonce = node.has("nonce") ? quantity(node.get("nonce"), where + ".nonce").longValueExact() : 0;
    Bytes code = node.has("code") ? hexBytes(node.get("code").asText(), where + ".code") : Bytes.EMPTY;
    Map<Word256, Word256> storage = new HashMap<>();
    node.path("storage")
        .fields()
        .forEachRemaining(
            e -> storage.put(word(e.getKey(), where + ".storage key"), word(e.getValue().asText(), where + ".storage[" + e.getKey() + "]")));
    return new GenesisAccount(address, nonce, balance, code, storage);
  }

  private static Bytes nonce8(BigInteger nonce) {
    if (nonce.bitLength() > 64) {
      throw new IllegalArgumentException("nonce must fit in 8 bytes, got " + nonce);
    }
    return Bytes32.leftPad(Bytes.wrap(nonce.toByteArray()).trimLeadingZeros()).slice(24, 8).copy();
  }

  private static Word256 word(String hex, String where) {
    Bytes b = hexBytes(hex, where);
    if (b.size() > 32) {
      throw new IllegalArgumentException(where + " is longer than 32 bytes: " + hex);
    }
    return Word256.fromBytes(Bytes32.leftPad(b).toArrayUnsafe());
  }

  private static Bytes hexBytes(String hex, String where) {
    try {
      return Bytes.fromHexStringLenient(hex.isEmpty() ? "0x" : hex);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + " is not hex: '" + hex + "'", e);
    }
  }

  /** A non-negative quantity from a JSON number, decimal string or 0x-hex string; null is 0. */
  static BigInteger quantity(JsonNode node, String where) {
    if (node == null || node.isNull()) {
      return BigInteger.ZERO;
    }
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue();
    }
    String s = node.asText().trim();
    try {
      BigInteger v =
          s.startsWith("0x") || s.startsWith("0X")
              ? (s.length() == 2 ? BigInteger.ZERO : new BigInteger(s.substring(2), 16))
              : new BigInteger(s);
      if (v.signum() < 0) {
        throw new NumberFormatException("negative");
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where + " must be a non-negative number, got '" + s + "'", e);
    }
  }

  private static long optionalLong(JsonNode parent, String key, long absent) {
    return parent.has(key) ? quantity(parent.get(key), key).longValueExact() : absent;
  }

  private static JsonNode require(JsonNode parent, String key) {
    JsonNode n = parent.get(key);
    if (n == null || n.isNull()) {
      throw new IllegalArgumentException("genesis is missing required field '" + key + "'");
    }
    return n;
  }

  /** Copies objects with lower-cased keys, except inside alloc storage (keys are hex anyway). */
  private static JsonNode lowerKeys(JsonNode node) {
    if (!node.isObject()) {
      return node;
    }
    var copy = JSON.createObjectNode();
    node.fields()
        .forEachRemaining(
            e -> copy.set(e.getKey().toLowerCase(Locale.ROOT), lowerKeys(e.getValue())));
    return copy;
  }
}
