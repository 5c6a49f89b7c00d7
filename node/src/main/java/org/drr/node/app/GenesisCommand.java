package org.drr.node.app;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.drr.node.chain.GenesisBuilder;
import org.drr.node.crypto.KeyPair;
import org.drr.node.types.Address;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code drr genesis}: writes a QBFT genesis with fresh validator keys, one authority per region
 * (GD, HK, MO) and the registry contracts deployed by running their deployment in the node's EVM.
 * Keys go to files under {@code --keys-dir} (never to the console). The registry directory is at
 * {@link GenesisBuilder#DIRECTORY} on every chain generated this way.
 */
@Command(
    name = "genesis",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Generates a genesis file with validator keys, regional authorities and the registry pre-deployed.")
public final class GenesisCommand implements Callable<Integer> {
  static final List<String> REGIONS = List.of("GD", "HK", "MO");

  private final RegistryPlanner planner;

  @Option(names = "--output", paramLabel = "<FILE>", defaultValue = "genesis/dev.json", description = "Genesis file to write (default: ${DEFAULT-VALUE})")
  Path output;

  @Option(names = "--keys-dir", paramLabel = "<DIR>", description = "Where validator and authority keys are written (default: <output>.keys/)")
  Path keysDir;

  @Option(names = "--chain-id", paramLabel = "<ID>", defaultValue = "1337", description = "EIP-155 chain id (default: ${DEFAULT-VALUE})")
  long chainId;

  @Option(names = "--validators", paramLabel = "<N>", defaultValue = "1", description = "Validator keys to generate (default: ${DEFAULT-VALUE})")
  int validators;

  @Option(names = "--block-period", paramLabel = "<SECONDS>", defaultValue = "1", description = "QBFT block period (default: ${DEFAULT-VALUE})")
  long blockPeriod;

  @Option(names = "--fund", paramLabel = "<ADDRESS>", split = ",", description = "Extra accounts to fund with 10^24 wei each")
  List<String> fund = new ArrayList<>();

  @Option(names = "--without-registry", description = "Do not deploy the registry (a plain chain)")
  boolean withoutRegistry;

  public GenesisCommand(RegistryPlanner planner) {
    this.planner = planner;
  }

  @Override
  public Integer call() throws IOException {
    Path keys = keysDir != null ? keysDir : Path.of(output.toString() + ".keys");
    if (validators < 1) {
      throw new IllegalArgumentException("--validators must be at least 1, got " + validators);
    }
    Files.createDirectories(keys);
    List<Address> validatorAddresses = new ArrayList<>();
    for (int i = 0; i < validators; i++) {
      KeyPair key = NodeKeys.loadOrCreate(keys.resolve("validator-" + i + ".key"));
      validatorAddresses.add(key.address());
    }
    GenesisBuilder builder =
        new GenesisBuilder(chainId, validatorAddresses, blockPeriod, 0x1fffffffffffffL, 0);
    BigInteger grant = BigInteger.TEN.pow(24);
    for (String a : fund) {
      builder.fund(Address.fromHexString(a.trim()), grant);
    }
    List<RegistryPlanner.Authority> authorities = new ArrayList<>();
    for (String region : REGIONS) {
      KeyPair key = NodeKeys.loadOrCreate(keys.resolve("authority-" + region.toLowerCase() + ".key"));
      builder.fund(key.address(), grant);
      authorities.add(new RegistryPlanner.Authority(
          key.address(), region, region + " data authority", region + "-AUTHORITY-1"));
    }
    if (!withoutRegistry) {
      RegistryPlanner.Plan plan = planner.plan(authorities);
      if (!plan.directory().equals(GenesisBuilder.DIRECTORY)) {
        throw new IllegalStateException(
            "the registry plan puts the directory at " + plan.directory() + ", not the fixed " + GenesisBuilder.DIRECTORY
                + "; plan it from " + GenesisBuilder.DEPLOYER + " at nonce 0");
      }
      plan.steps().forEach(builder::deploy);
      builder.annotate("directory", plan.directory().toHexString());
      builder.annotate("participantRegistry", plan.participantRegistry().toHexString());
    }
    if (output.toAbsolutePath().getParent() != null) {
      Files.createDirectories(output.toAbsolutePath().getParent());
    }
    Files.writeString(output, builder.build());
    System.out.println("wrote " + output + " (chain id " + chainId + ", " + validators + " validator(s): "
        + validatorAddresses + ")");
    for (RegistryPlanner.Authority a : authorities) {
      System.out.println("  authority " + a.region() + ": " + a.address().toChecksumString());
    }
    System.out.println("  keys in " + keys + (withoutRegistry ? "" : "; registry directory " + GenesisBuilder.DIRECTORY));
    return 0;
  }

}
