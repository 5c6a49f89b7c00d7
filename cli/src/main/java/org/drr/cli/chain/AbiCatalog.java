package org.drr.cli.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.Log;

/**
 * The events of every registry contract, read from the compiler output
 * ({@code solc/combined.json} on the class path, written by the contracts build), so that any
 * log of the registry can be named and its arguments decoded without per-event code.
 *
 * <p>Contract: {@link #decode} returns empty for a log whose first topic is no known event; a
 * known event is decoded with its parameter names, indexed ones from the topics and the rest
 * from the data.
 */
public final class AbiCatalog {
  private static final String RESOURCE = "/solc/combined.json";

  /** One event parameter. */
  record Param(String name, String type, String internalType, boolean indexed) {}

  /** One event definition. */
  record EventDef(String contract, String name, List<Param> params) {}

  /** A decoded log: event name and its arguments in declaration order. */
  public record DecodedEvent(String contract, String name, Map<String, Object> args) {}

  private final Map<String, EventDef> eventsByTopic = new HashMap<>();
  private final Map<String, EventDef> errorsBySelector = new HashMap<>();

  private AbiCatalog() {}

  /** Loads the catalog from the class path. */
  public static AbiCatalog load() {
    try (InputStream in = AbiCatalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path; build contracts");
      }
      return from(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  static AbiCatalog from(JsonNode combined) {
    AbiCatalog catalog = new AbiCatalog();
    combined.path("contracts").fields().forEachRemaining(contract -> {
      for (JsonNode item : contract.getValue().path("abi")) {
        String kind = item.path("type").asText();
        if (!kind.equals("event") && !kind.equals("error") || item.path("anonymous").asBoolean()) {
          continue;
        }
        List<Param> params = new ArrayList<>();
        for (JsonNode input : item.path("inputs")) {
          params.add(new Param(input.path("name").asText(), canonicalType(input),
              input.path("internalType").asText(), input.path("indexed").asBoolean()));
        }
        String signature = item.path("name").asText() + "("
            + String.join(",", params.stream().map(Param::type).toList()) + ")";
        EventDef def = new EventDef(contract.getKey(), item.path("name").asText(), params);
        if (kind.equals("event")) {
          catalog.eventsByTopic.putIfAbsent(Hash.sha3String(signature), def);
        } else {
          catalog.errorsBySelector.putIfAbsent(Hash.sha3String(signature).substring(0, 10), def);
        }
      }
    });
    return catalog;
  }

  /** Decodes a registry log, or empty when its event is unknown. */
  public Optional<DecodedEvent> decode(Log log) {
    if (log.getTopics().isEmpty()) {
      return Optional.empty();
    }
    EventDef def = eventsByTopic.get(log.getTopics().get(0));
    if (def == null) {
      return Optional.empty();
    }
    List<TypeReference<Type>> dataTypes = new ArrayList<>();
    for (Param p : def.params()) {
      if (!p.indexed()) {
        dataTypes.add(typeReference(p.type()));
      }
    }
    List<Type> data = dataTypes.isEmpty()
        ? List.of()
        : FunctionReturnDecoder.decode(log.getData(), dataTypes);
    Map<String, Object> args = new LinkedHashMap<>();
    int topic = 1;
    int dataIndex = 0;
    for (Param p : def.params()) {
      Object value;
      if (p.indexed()) {
        String raw = log.getTopics().get(topic++);
        value = isDynamic(p.type())
            ? raw // dynamic indexed values are stored hashed; the hash is all there is
            : AbiValues.plain(FunctionReturnDecoder.decodeIndexedValue(raw, typeReference(p.type())),
                def.name(), p.name());
      } else {
        value = AbiValues.plain(data.get(dataIndex++), def.name(), p.name());
      }
      args.put(p.name().isEmpty() ? "arg" + args.size() : p.name(), value);
    }
    return Optional.of(new DecodedEvent(def.contract(), def.name(), args));
  }

  /**
   * One line naming a revert: {@code Name(arg=value, ...)} for a registry custom error, the
   * message for {@code Error(string)}, the code for {@code Panic(uint256)}, else the raw data.
   */
  public String describeRevert(String data) {
    if (data == null || data.length() < 10) {
      return "reverted without a reason";
    }
    String selector = data.substring(0, 10).toLowerCase(java.util.Locale.ROOT);
    String body = "0x" + data.substring(10);
    if (selector.equals("0x08c379a0")) {
      List<Type> decoded = FunctionReturnDecoder.decode(body, List.of(typeReference("string")));
      return "reverted: " + decoded.get(0).getValue();
    }
    if (selector.equals("0x4e487b71")) {
      List<Type> decoded = FunctionReturnDecoder.decode(body, List.of(typeReference("uint256")));
      return "panic 0x" + ((java.math.BigInteger) decoded.get(0).getValue()).toString(16);
    }
    EventDef def = errorsBySelector.get(selector);
    if (def == null) {
      return "reverted with unknown error data " + data;
    }
    List<TypeReference<Type>> types = def.params().stream().map(p -> typeReference(p.type())).toList();
    List<Type> values = types.isEmpty() ? List.of() : FunctionReturnDecoder.decode(body, types);
    List<String> args = new ArrayList<>();
    for (int i = 0; i < def.params().size(); i++) {
      Param p = def.params().get(i);
      Object value = i < values.size() ? AbiValues.plain(values.get(i), def.name(), p.name()) : "?";
      args.add((p.name().isEmpty() ? "" : p.name() + "=") + value);
    }
    return def.name() + "(" + String.join(", ", args) + ")";
  }

  private static boolean isDynamic(String type) {
    return type.equals("string") || type.equals("bytes") || type.endsWith("]")
        || type.startsWith("(");
  }

  @SuppressWarnings("unchecked")
  private static TypeReference<Type> typeReference(String type) {
    try {
      return (TypeReference<Type>) TypeReference.makeTypeReference(type, false, false);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("unsupported ABI type in event: " + type, e);
    }
  }

  private static String canonicalType(JsonNode input) {
    String type = input.path("type").asText();
    if (type.startsWith("tuple")) {
      List<String> parts = new ArrayList<>();
      for (JsonNode component : input.path("components")) {
        parts.add(canonicalType(component));
      }
      return "(" + String.join(",", parts) + ")" + type.substring("tuple".length());
    }
    return type;
  }
}
