package org.drr.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drr.contracts.Codes.ObjectionOutcome;
import org.drr.contracts.Codes.Region;
import org.drr.contracts.Codes.Right;
import org.drr.contracts.generated.DisputeManager;
import org.drr.contracts.generated.TransferManager;
import org.drr.contracts.testing.Hashes;
import org.drr.contracts.testing.RegistryFixture;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/** An asset's whole history comes back from one standard eth_getLogs filter on topic 1. */
class HistoryFromLogsTest extends RegistryFixture {
  private static final byte[] ZERO = new byte[32];

  /** topic0 -> event name, over every ABI. */
  private static Map<String, String> eventNames() throws Exception {
    Map<String, String> names = new HashMap<>();
    try (InputStream in = HistoryFromLogsTest.class.getResourceAsStream(
        RevertDecoder.COMBINED_JSON_RESOURCE)) {
      for (JsonNode contract : new ObjectMapper().readTree(in).path("contracts")) {
        for (JsonNode entry : contract.path("abi")) {
          if (!"event".equals(entry.path("type").asText())) {
            continue;
          }
          List<String> types = new ArrayList<>();
          entry.path("inputs").forEach(i -> types.add(i.path("type").asText()));
          String name = entry.path("name").asText();
          names.put(Hash.sha3String(name + "(" + String.join(",", types) + ")"), name);
        }
      }
    }
    return names;
  }

  @Test
  void everyStepOfAnAssetsLifeIsInItsLogs() throws Exception {
    BigInteger asset = registerAsset(gdCo);
    gdCo.send(gdCo.registry().assets().changeMetadata(asset, Hashes.of("v2"), ZERO));
    BigInteger g = grant(gdCo, asset, gdCo2, Right.USE, terms(Region.GD.maskBit(), true, 1));
    sublicense(gdCo2, g, hkCo, terms(Region.GD.maskBit(), false, 0));
    var requested = gdCo.send(gdCo.registry().transfers().request(asset, gdCo2.address(), ZERO));
    BigInteger t = TransferManager.getTransferRequestedEvents(requested).get(0).transferId;
    gdCo2.send(gdCo2.registry().transfers().accept(t));
    moCo.send(moCo.registry().assets().fileObjection(asset, Hashes.of("ours")));
    var opened = moCo.send(moCo.registry().disputes().openCase(asset, gdCo2.address(),
        BigInteger.ZERO, BigInteger.ZERO, Hashes.of("claim")));
    BigInteger c = DisputeManager.getCaseOpenedEvents(opened).get(0).caseId;
    moCo.send(moCo.registry().disputes().addEvidence(c, Hashes.of("evidence")));
    court.send(court.registry().disputes().freeze(c));
    String noNewHolder = "0x0000000000000000000000000000000000000000";
    court.send(court.registry().disputes().rule(c, Hashes.of("judgment"), List.of(g),
        noNewHolder, BigInteger.valueOf(ObjectionOutcome.DISMISS.code()), true));

    EthFilter filter = new EthFilter(DefaultBlockParameterName.EARLIEST,
        DefaultBlockParameterName.LATEST, List.of(deployment.assets(), deployment.rights(),
            deployment.transfers(), deployment.disputes()));
    filter.addSingleTopic(null);
    filter.addSingleTopic(Numeric.toHexStringWithPrefixZeroPadded(asset, 64));
    Map<String, String> names = eventNames();
    List<String> history = new ArrayList<>();
    for (EthLog.LogResult<?> result : node.web3j().ethGetLogs(filter).send().getLogs()) {
      history.add(names.get(((Log) result.get()).getTopics().get(0)));
    }
    assertEquals(List.of("AssetRegistered", "MetadataChanged", "GrantIssued",
        "GrantTermsRecorded", "GrantIssued", "GrantTermsRecorded", "CrossBorderDecided",
        "TransferRequested", "HoldingMoved", "TransferCompleted", "ObjectionFiled", "CaseOpened",
        "EvidenceAdded", "FreezeChanged", "FreezeOrdered", "GrantRevoked", "ObjectionClosed",
        "FreezeChanged", "CaseRuled"), history);
  }
}
