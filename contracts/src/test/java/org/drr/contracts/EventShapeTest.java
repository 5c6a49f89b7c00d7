package org.drr.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An asset's history is rebuilt with one eth_getLogs filter (topic1 = asset id) over the
 * modules, so every event about an asset must carry the asset id as its first, indexed field.
 */
class EventShapeTest {
  @Test
  void everyAssetEventIndexesTheAssetIdFirst() throws Exception {
    List<String> problems = new ArrayList<>();
    int assetEvents = 0;
    try (InputStream in = getClass().getResourceAsStream(RevertDecoder.COMBINED_JSON_RESOURCE)) {
      JsonNode contracts = new ObjectMapper().readTree(in).path("contracts");
      for (Map.Entry<String, JsonNode> c : contracts.properties()) {
        for (JsonNode entry : c.getValue().path("abi")) {
          if (!"event".equals(entry.path("type").asText())) {
            continue;
          }
          JsonNode inputs = entry.path("inputs");
          boolean aboutAsset = false;
          for (JsonNode input : inputs) {
            aboutAsset |= input.path("name").asText().equals("assetId");
          }
          if (!aboutAsset) {
            continue;
          }
          assetEvents++;
          JsonNode first = inputs.get(0);
          boolean indexedFirst = first.path("name").asText().equals("assetId")
              && first.path("indexed").asBoolean();
          if (!indexedFirst) {
            problems.add(c.getKey() + "." + entry.path("name").asText());
          }
        }
      }
    }
    assertEquals(List.of(), problems);
    assertTrue(assetEvents >= 25, "only " + assetEvents + " asset events found");
  }
}
