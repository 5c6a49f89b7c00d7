package org.drr.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drr.contracts.generated.DrrDirectory;
import org.drr.contracts.testing.Actor;
import org.drr.contracts.testing.RegistryFixture;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.utils.Numeric;

/** Deployment shape: EIP-170 sizes, the directory's one-shot wiring, module-only entry points. */
class WiringTest extends RegistryFixture {
  /** EIP-170: the largest runtime code a contract may have. */
  private static final int MAX_RUNTIME_BYTES = 24_576;

  @Test
  void everyCompiledContractFitsEip170() throws Exception {
    List<String> checked = new ArrayList<>();
    try (InputStream in = getClass().getResourceAsStream(RevertDecoder.COMBINED_JSON_RESOURCE)) {
      JsonNode contracts = new ObjectMapper().readTree(in).path("contracts");
      for (Map.Entry<String, JsonNode> c : contracts.properties()) {
        int size = c.getValue().path("deployedBytecode").asText().length() / 2;
        assertTrue(size < MAX_RUNTIME_BYTES, c.getKey() + " runtime is " + size + " bytes");
        checked.add(c.getKey());
      }
    }
    assertTrue(checked.containsAll(List.of("DrrDirectory", "ParticipantRegistry", "AssetRegistry",
        "RightsRegistry", "PolicyRegistry", "TransferManager", "DisputeManager")),
        checked::toString);
  }

  @Test
  void everyDeployedModuleFitsEip170() throws Exception {
    for (String address : List.of(deployment.directory(), deployment.participants(),
        deployment.assets(), deployment.rights(), deployment.policy(), deployment.transfers(),
        deployment.disputes())) {
      String code = node.web3j().ethGetCode(address, DefaultBlockParameterName.LATEST).send()
          .getCode();
      int size = Numeric.hexStringToByteArray(code).length;
      assertTrue(size > 0 && size < MAX_RUNTIME_BYTES, address + " has " + size + " bytes");
    }
  }

  @Test
  void directoryNamesEveryModuleAndLoadFindsThem() throws Exception {
    Registry loaded = Registry.load(deployment.directory(), node.web3j(),
        node.transactionManager(gdCo.credentials()), node.gas());
    assertEquals(deployment.assets(), loaded.assets().getContractAddress());
    assertEquals(deployment.disputes(), loaded.disputes().getContractAddress());
    DrrDirectory dir = gdCo.registry().directory();
    assertTrue(dir.wired().send());
    assertEquals(deployer.address(), dir.deployer().send());
    assertEquals(deployment.policy(), dir.policy().send());
    assertEquals(deployment.directory(), gdCo.registry().rights().directory().send());
  }

  @Test
  void wiringIsOneShotAndDeployerOnly() {
    Registry.Deployment d = deployment;
    deployer.expectRevert(Registry::directory, dir -> dir.wire(d.participants(), d.assets(),
        d.rights(), d.policy(), d.transfers(), d.disputes()), "AlreadyWired");
    gdCo.expectRevert(Registry::directory, dir -> dir.wire(d.participants(), d.assets(),
        d.rights(), d.policy(), d.transfers(), d.disputes()), "NotDeployer", gdCo.address());
  }

  @Test
  void wiringRejectsAMissingModule() throws Exception {
    DrrDirectory fresh = DrrDirectory.deploy(node.web3j(),
        node.transactionManager(deployer.credentials()), node.gas()).send();
    assertFalse(fresh.wired().send());
    Registry.Deployment unwired = new Registry.Deployment(fresh.getContractAddress(),
        deployment.participants(), deployment.assets(), deployment.rights(), deployment.policy(),
        deployment.transfers(), deployment.disputes());
    Actor owner = new Actor("owner", deployer.credentials(), unwired, node);
    String zero = "0x0000000000000000000000000000000000000000";
    owner.expectRevert(Registry::directory, dir -> dir.wire(unwired.participants(),
        unwired.assets(), unwired.rights(), unwired.policy(), zero, unwired.disputes()),
        "MissingField", "transfers");
  }

  @Test
  void internalMutationsAreForWiredModulesOnly() {
    BigInteger assetId = registerAsset(gdCo);
    BigInteger one = BigInteger.ONE;
    gdCo.expectRevert(Registry::assets,
        a -> a.moveHolding(assetId, gdCo2.address(), one, one), "NotModule", gdCo.address());
    gdCo.expectRevert(Registry::assets,
        a -> a.setFrozen(assetId, true, one), "NotModule", gdCo.address());
    gdCo.expectRevert(Registry::assets,
        a -> a.resolveObjectionByRuling(assetId, one, one, court.address()), "NotModule",
        gdCo.address());
    gdCo.expectRevert(Registry::rights,
        r -> r.revokeByRuling(one, assetId, one, court.address()), "NotModule", gdCo.address());
    gdCo.expectRevert(Registry::transfers,
        t -> t.voidByRuling(assetId, one), "NotModule", gdCo.address());
  }
}
