package org.drr.cli.genesis;

import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.drr.contracts.Codes;
import org.drr.contracts.RegistryDeployer;
import org.drr.node.app.RegistryPlanner;
import org.drr.node.chain.GenesisBuilder;
import org.drr.node.types.Address;

/**
 * The registry deployment for {@code drr genesis}: {@link RegistryDeployer#plan} from the
 * genesis {@link GenesisBuilder#DEPLOYER} at nonce 0, so the directory lands at the fixed
 * {@link GenesisBuilder#DIRECTORY} and the same bytecode as {@code drr deploy} is pre-deployed.
 */
public final class ContractsRegistryPlanner implements RegistryPlanner {
  @Override
  public Plan plan(List<Authority> authorities) {
    RegistryDeployer.Plan plan = RegistryDeployer.plan(
        GenesisBuilder.DEPLOYER.toHexString(), BigInteger.ZERO,
        authorities.stream()
            .map(a -> new RegistryDeployer.Authority(a.address().toHexString(),
                Codes.Region.valueOf(a.region()), a.name(), a.registryId()))
            .toList());
    List<GenesisBuilder.Step> steps = plan.steps().stream()
        .map(s -> new GenesisBuilder.Step(s.label(), s.to().map(Address::fromHexString),
            Bytes.fromHexString(s.data()), s.created().map(Address::fromHexString)))
        .toList();
    return new Plan(steps, Address.fromHexString(plan.deployment().directory()),
        Address.fromHexString(plan.deployment().participants()));
  }
}
