package org.drr.cli.dev;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.drr.cli.DrrException;
import org.drr.cli.ExitCode;
import org.drr.cli.account.Kdf;
import org.drr.cli.account.Keystore;
import org.drr.cli.chain.NodeConnection;
import org.drr.cli.chain.RevertLines;
import org.drr.cli.chain.TransactionSender;
import org.drr.cli.deployment.Deployment;
import org.drr.cli.deployment.GenesisDeployment;
import org.drr.cli.registry.Deployer;
import org.drr.contracts.Codes;
import org.drr.contracts.DevAccounts;
import org.drr.contracts.RegistryDeployer;
import org.drr.contracts.generated.ParticipantRegistry;
import org.web3j.crypto.Credentials;
import org.web3j.tx.gas.StaticGasProvider;

/**
 * Populates a fresh dev chain: keystores for the demo cast (the well-known funded dev
 * accounts, light scrypt, one shared password in {@code <home>/password}), a registry with one
 * authority per region, and the demo participants onboarded by their authorities.
 *
 * <p>On a chain from a drr genesis the registry is already there (its authorities are dev
 * accounts 1–3, as here); only the cast is onboarded.
 *
 * <p>Idempotent across restarts: if the deployment file names a directory that has code on the
 * chain, nothing is deployed again.
 */
public final class DevSetup {
  /** One member of the demo cast. */
  public record Member(String name, int devIndex, String region, String kind, String title) {}

  /** The cast, by dev account index; index 0 deploys. */
  public static final List<Member> CAST = List.of(
      new Member("deployer", 0, null, null, "Registry deployer"),
      new Member("gd-authority", 1, "GD", "AUTHORITY", "Guangdong Data Bureau"),
      new Member("hk-authority", 2, "HK", "AUTHORITY", "HK Digital Policy Office"),
      new Member("mo-authority", 3, "MO", "AUTHORITY", "Macao DSRT"),
      new Member("gd-enterprise", 4, "GD", "ENTERPRISE", "Shenzhen Port Data Co"),
      new Member("hk-enterprise", 5, "HK", "ENTERPRISE", "HK Fintech Ltd"),
      new Member("mo-enterprise", 6, "MO", "ENTERPRISE", "Macao Tourism Data"),
      new Member("gd-court", 7, "GD", "COURT", "Shenzhen Intermediate People's Court"),
      new Member("hk-mediator", 8, "HK", "MEDIATOR", "HK Data Mediation Centre"));

  private final Path home;

  public DevSetup(Path home) {
    this.home = home;
  }

  public Path keystoreDir() {
    return home.resolve("keystore");
  }

  public Path passwordFile() {
    return home.resolve("password");
  }

  public Path deploymentFile() {
    return home.resolve("deployment.json");
  }

  /** True if the deployment file exists and its directory has code on {@code node}. */
  public boolean alreadyDeployed(NodeConnection node) {
    if (!Files.exists(deploymentFile())) {
      return false;
    }
    Deployment d = Deployment.read(deploymentFile());
    return d.chainId() == node.chainId() && !"0x".equals(node.code(d.directory()));
  }

  /** Creates keystores, deploys, onboards; returns the deployment. */
  public Deployment populate(NodeConnection node) throws IOException {
    char[] password = password();
    Keystore keystore = new Keystore(keystoreDir());
    for (Member m : CAST) {
      if (!Files.exists(keystoreDir().resolve(m.name() + ".json"))) {
        keystore.create(m.name(), DevAccounts.account(m.devIndex()).getEcKeyPair(),
            password.clone(), Kdf.LIGHT);
      }
    }
    List<RegistryDeployer.Authority> authorities = CAST.stream()
        .filter(m -> "AUTHORITY".equals(m.kind()))
        .map(m -> new RegistryDeployer.Authority(DevAccounts.account(m.devIndex()).getAddress(),
            Codes.Region.valueOf(m.region()), m.title(), m.region() + "-AUTH-1"))
        .toList();
    // A drr genesis already holds the registry (authorities = dev accounts 1-3); elsewhere
    // (anvil) the deployer account deploys it now.
    Deployment deployment = GenesisDeployment.find(node)
        .orElseGet(() -> Deployer.deploy(node, DevAccounts.account(0), authorities));
    deployment.write(deploymentFile());
    RevertLines reverts = new RevertLines();
    for (Member m : CAST) {
      if (m.kind() == null || m.kind().equals("AUTHORITY")) {
        continue;
      }
      Member authority = CAST.stream()
          .filter(a -> "AUTHORITY".equals(a.kind()) && a.region().equals(m.region()))
          .findFirst().orElseThrow();
      Credentials signer = DevAccounts.account(authority.devIndex());
      ParticipantRegistry participants = ParticipantRegistry.load(
          deployment.contract("participants"), node.web3j(), signer,
          new StaticGasProvider(BigInteger.ZERO, BigInteger.ZERO));
      String data = participants.register(DevAccounts.account(m.devIndex()).getAddress(),
          BigInteger.valueOf(Codes.Region.valueOf(m.region()).code()),
          BigInteger.valueOf(Codes.ParticipantKind.valueOf(m.kind()).code()),
          m.title(), "DEMO-" + m.name().toUpperCase()).encodeFunctionCall();
      new TransactionSender(node, signer, reverts).send(participants.getContractAddress(), data);
    }
    return deployment;
  }

  /** The dev password: read from {@code <home>/password}, created (random) if absent. */
  private char[] password() throws IOException {
    Path file = passwordFile();
    if (!Files.exists(file)) {
      Files.createDirectories(home);
      byte[] random = new byte[12];
      new SecureRandom().nextBytes(random);
      Files.writeString(file, HexFormat.of().formatHex(random) + "\n");
    }
    String line = Files.readAllLines(file).stream().findFirst().orElse("");
    if (line.isEmpty()) {
      throw new DrrException(ExitCode.BAD_INPUT, "dev password file " + file + " is empty");
    }
    return line.toCharArray();
  }
}
