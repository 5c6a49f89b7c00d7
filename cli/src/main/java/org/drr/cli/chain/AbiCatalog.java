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
  record Param(String name, String type, boolean indexed) {}

  /** One event definition. */
  record EventDef(String contract, String name, List<Param> params) {}

  /** A decoded log: event name and its arguments in declaration order. */
  public record DecodedEvent(String contract, String name, Map<String, Object> args) {}

  private final Map<String, EventDef> eventsByTopic = new HashMap<>();

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
        if (!kind.equals("event") || item.path("anonymous").asBoolean()) {
          continue;
        }
        List<Param> params = new ArrayList<>();
        for (JsonNode input : item.path("inputs")) {
          params.add(new Param(input.path("name").asText(), canonicalType(input),
              input.path("indexed").asBoolean()));
        }
        String signature = item.path("name").asText() + "("
            + String.join(",", params.stream().map(Param::type).toList()) + ")";
        EventDef def = new EventDef(contract.getKey(), item.path("name").asText(), params);
        catalog.eventsByTopic.putIfAbsent(Hash.sha3String(signature), def);
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
