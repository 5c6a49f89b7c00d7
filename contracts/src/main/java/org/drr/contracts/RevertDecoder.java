package org.drr.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.BytesType;
import org.web3j.abi.datatypes.NumericType;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.Response;
import org.web3j.utils.Numeric;

/**
 * Turns EVM revert data into one readable line, e.g. {@code NotHolder(assetId=3,
 * caller=0xAbC…)}, using the custom errors declared in the compiled ABIs.
 *
 * <p>Errors are matched by their 4-byte selector against every ABI in {@code combined.json},
 * because an error raised by one module may surface through another module's call. The
 * built-in {@code Error(string)} and {@code Panic(uint256)} are understood too. Unknown selectors
 * and malformed data still give a line (never an exception), naming the raw selector.
 */
public final class RevertDecoder {
  /** Where the build puts the compiler output, relative to the classpath root. */
  public static final String COMBINED_JSON_RESOURCE = "/solc/combined.json";

  private static final String ERROR_STRING_SELECTOR = "0x08c379a0";
  private static final String PANIC_SELECTOR = "0x4e487b71";
  private static final Pattern HEX_DATA = Pattern.compile("0x[0-9a-fA-F]*");
  private static final Map<Integer, String> PANIC_REASONS = Map.of(
      0x01, "assertion failed",
      0x11, "arithmetic overflow or underflow",
      0x12, "division or modulo by zero",
      0x21, "invalid enum value",
      0x22, "corrupt storage byte array",
      0x31, "pop on empty array",
      0x32, "array index out of bounds",
      0x41, "out of memory",
      0x51, "call to an uninitialised function");

  /** One custom error as declared in an ABI. */
  private record Declared(String name, String signature, List<String> paramNames,
      List<String> paramTypes) {}

  /** A decoded argument: its ABI name and type, and its value rendered for people. */
  public record Argument(String name, String type, String text) {}

  /** A decoded revert: error name, canonical signature and arguments. */
  public record DecodedError(String name, String signature, List<Argument> arguments) {
    /** {@code Name(arg=value, …)}; arguments without a name show as their value only. */
    @Override
    public String toString() {
      return name + arguments.stream()
          .map(a -> a.name().isEmpty() ? a.text() : a.name() + "=" + a.text())
          .collect(Collectors.joining(", ", "(", ")"));
    }
  }

  private final Map<String, Declared> bySelector;

  private RevertDecoder(Map<String, Declared> bySelector) {
    this.bySelector = bySelector;
  }

  /** A decoder for the contracts compiled into this build ({@value #COMBINED_JSON_RESOURCE}). */
  public static RevertDecoder fromClasspath() {
    try (InputStream in = RevertDecoder.class.getResourceAsStream(COMBINED_JSON_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(COMBINED_JSON_RESOURCE
            + " is not on the classpath; build the contracts module first");
      }
      return fromCombinedJson(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + COMBINED_JSON_RESOURCE, e);
    }
  }

  /** A decoder for the errors of every contract in a {@code combined.json} stream. */
  public static RevertDecoder fromCombinedJson(InputStream combinedJson) throws IOException {
    JsonNode contracts = new ObjectMapper().readTree(combinedJson).path("contracts");
    Map<String, Declared> bySelector = new LinkedHashMap<>();
    for (JsonNode contract : contracts) {
      for (JsonNode entry : contract.path("abi")) {
        if (!"error".equals(entry.path("type").asText())) {
          continue;
        }
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (JsonNode input : entry.path("inputs")) {
          names.add(input.path("name").asText());
          types.add(input.path("type").asText());
        }
        String name = entry.path("name").asText();
        String signature = name + "(" + String.join(",", types) + ")";
        bySelector.putIfAbsent(selectorOf(signature), new Declared(name, signature, names, types));
      }
    }
    return new RevertDecoder(Collections.unmodifiableMap(bySelector));
  }

  /** The 4-byte selector ({@code 0x…}, lower case) of an error or function signature. */
  public static String selectorOf(String signature) {
    return Hash.sha3String(signature).substring(0, 10);
  }

  /** Canonical signatures ({@code NotHolder(uint256,address)}) of every declared custom error. */
  public Set<String> declaredErrors() {
    return bySelector.values().stream()
        .map(Declared::signature)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * Decodes revert data.
   *
   * @return the decoded error, or empty if the data is empty, not hex, carries an unknown
   *     selector or its arguments do not decode against the declared types
   */
  public Optional<DecodedError> decode(String revertData) {
    if (revertData == null || !HEX_DATA.matcher(revertData).matches() || revertData.length() < 10) {
      return Optional.empty();
    }
    String selector = revertData.substring(0, 10).toLowerCase();
    String args = "0x" + revertData.substring(10);
    if (selector.equals(ERROR_STRING_SELECTOR)) {
      return decodeAs(new Declared("Error", "Error(string)", List.of(""), List.of("string")), args);
    }
    if (selector.equals(PANIC_SELECTOR)) {
      Declared panic = new Declared("Panic", "Panic(uint256)", List.of(""), List.of("uint256"));
      return decodeAs(panic, args)
          .map(RevertDecoder::explainPanic);
    }
    Declared declared = bySelector.get(selector);
    return declared == null ? Optional.empty() : decodeAs(declared, args);
  }

  /** One line for any revert data: the decoded error, or what is known about the raw data. */
  public String describe(String revertData) {
    Optional<DecodedError> decoded = decode(revertData);
    if (decoded.isPresent()) {
      return decoded.get().toString();
    }
    if (revertData == null || revertData.equals("0x") || revertData.isEmpty()) {
      return "reverted without a reason";
    }
    if (!HEX_DATA.matcher(revertData).matches() || revertData.length() < 10) {
      return "reverted with malformed data " + revertData;
    }
    String selector = revertData.substring(0, 10).toLowerCase();
    int bytes = (revertData.length() - 2) / 2;
    Declared declared = bySelector.get(selector);
    if (declared != null) {
      return "reverted with " + declared.signature() + " but its " + (bytes - 4)
          + " bytes of arguments do not decode";
    }
    return "reverted with unknown error " + selector + " (" + bytes + " bytes of data)";
  }

  /**
   * The revert data carried by a JSON-RPC error (from eth_call, eth_estimateGas or
   * eth_sendRawTransaction): nodes put it in {@code error.data} as a hex string, sometimes
   * JSON-quoted or wrapped in an object with a {@code data} field.
   */
  public static Optional<String> revertDataOf(Response.Error error) {
    if (error == null || error.getData() == null) {
      return Optional.empty();
    }
    Matcher m = HEX_DATA.matcher(error.getData());
    return m.find() ? Optional.of(m.group()) : Optional.empty();
  }

  private static Optional<DecodedError> decodeAs(Declared declared, String args) {
    try {
      List<TypeReference<Type>> refs = new ArrayList<>();
      for (String type : declared.paramTypes()) {
        refs.add(TypeReference.makeTypeReference(type));
      }
      List<Type> values = FunctionReturnDecoder.decode(args, refs);
      if (values.size() != refs.size()) {
        return Optional.empty();
      }
      List<Argument> arguments = new ArrayList<>();
      for (int i = 0; i < values.size(); i++) {
        arguments.add(new Argument(
            declared.paramNames().get(i), declared.paramTypes().get(i), render(values.get(i))));
      }
      return Optional.of(new DecodedError(declared.name(), declared.signature(), arguments));
    } catch (ClassNotFoundException | RuntimeException e) {
      // Data that does not fit the declared types is reported as undecodable, not thrown.
      return Optional.empty();
    }
  }

  private static String render(Type value) {
    if (value instanceof Address address) {
      return Keys.toChecksumAddress(address.getValue());
    }
    if (value instanceof NumericType number) {
      return number.getValue().toString();
    }
    if (value instanceof BytesType bytes) {
      return Numeric.toHexString(bytes.getValue());
    }
    if (value instanceof Bool bool) {
      return bool.getValue().toString();
    }
    if (value instanceof Utf8String text) {
      return "\"" + text.getValue() + "\"";
    }
    return String.valueOf(value.getValue());
  }

  private static DecodedError explainPanic(DecodedError panic) {
    BigInteger code = new BigInteger(panic.arguments().get(0).text());
    String reason = PANIC_REASONS.getOrDefault(code.intValue(), "unknown panic code");
    String text = "0x" + code.toString(16) + " " + reason;
    return new DecodedError("Panic", panic.signature(), List.of(new Argument("", "uint256", text)));
  }
}
