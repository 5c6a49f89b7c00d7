package org.drr.node.app;

import java.util.List;
import org.drr.node.chain.GenesisBuilder;
import org.drr.node.types.Address;

/**
 * Turns the first authorities into the registry's deployment steps, sent from {@link
 * GenesisBuilder#DEPLOYER} from nonce 0. The CLI implements it with the contracts module's
 * {@code RegistryDeployer.plan} (the node does not depend on the contract wrappers).
 */
public interface RegistryPlanner {
  /** One first authority of a region. */
  record Authority(Address address, String region, String name, String registryId) {}

  /** The deployment, and which of its contracts is the ParticipantRegistry. */
  record Plan(List<GenesisBuilder.Step> steps, Address directory, Address participantRegistry) {}

  Plan plan(List<Authority> authorities);
}
