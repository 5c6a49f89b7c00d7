package org.drr.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.drr.contracts.Codes.Region;
import org.drr.contracts.RegistryDeployer.Authority;
import org.drr.contracts.RegistryDeployer.Plan;
import org.drr.contracts.testing.TestNode;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameterName;

class RegistryDeployerTest {
  private static final List<Authority> AUTHORITIES = List.of(
      new Authority("0x70997970c51812dc3a010c7d01b50e0d17dc79c8", Region.GD, "GD", "GD-1"),
      new Authority("0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc", Region.MO, "MO", "MO-1"));

  @Test
  void thePlanIsEightTransactionsFromConsecutiveNonces() {
    String deployer = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
    Plan plan = RegistryDeployer.plan(deployer, BigInteger.ZERO, AUTHORITIES);
    assertEquals(8, plan.steps().size());
    for (int i = 0; i < 8; i++) {
      assertEquals(BigInteger.valueOf(i), plan.steps().get(i).nonce());
    }
    // The first contract a fresh anvil dev account creates is at this well-known address.
    assertEquals("0x5fbdb2315678afecb367f032d93f642f64180aa3", plan.deployment().directory());
    assertEquals("wire", plan.steps().get(7).label());
    assertEquals(plan.deployment().directory(), plan.steps().get(7).to().orElseThrow());
    assertTrue(plan.steps().get(7).data().startsWith(
        RevertDecoder.selectorOf("wire(address,address,address,address,address,address)")));
    assertThrows(IllegalArgumentException.class,
        () -> RegistryDeployer.plan(deployer, BigInteger.ZERO, List.of()));
  }

  @Test
  void deployingPutsTheRegistryWhereThePlanSays() throws Exception {
    TestNode node = TestNode.shared();
    var sender = node.devAccount(0);
    BigInteger nonce = node.web3j().ethGetTransactionCount(sender.getAddress(),
        DefaultBlockParameterName.PENDING).send().getTransactionCount();
    Plan plan = RegistryDeployer.plan(sender.getAddress(), nonce, AUTHORITIES);
    Registry.Deployment deployed = RegistryDeployer.deploy(node.web3j(),
        node.transactionManager(sender), node.gas(), AUTHORITIES);
    assertEquals(plan.deployment(), deployed);
    Registry registry = Registry.load(deployed.directory(), node.web3j(),
        node.transactionManager(sender), node.gas());
    assertTrue(registry.participants().isAuthorityOf(AUTHORITIES.get(1).address(),
        BigInteger.valueOf(Region.MO.code())).send());
    assertEquals(BigInteger.TWO, registry.participants().participantCount().send());
  }
}
