package org.drr.cli.command;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.drr.cli.DrrException;
import org.drr.cli.ExitCode;
import org.drr.cli.Session;
import org.drr.cli.chain.RegistryCodes;
import org.drr.cli.deployment.Deployment;
import org.drr.cli.input.Inputs;
import org.drr.cli.registry.Deployer;
import org.drr.contracts.Codes;
import org.drr.contracts.RegistryDeployer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code drr deploy}: deploys a new registry and writes the deployment file. */
@Command(name = "deploy",
    description = "Deploy the registry contracts (signer: --from) with the first authorities, "
        + "and write the deployment file (--deployment).")
public final class DeployCommand extends CommandSupport implements Callable<Integer> {
  @Option(names = "--authority", required = true, paramLabel = "REGION=ACCOUNT[,NAME[,ID]]",
      description = "A first authority of a region (repeatable), e.g. "
          + "GD=0xabc…,\"GD Data Bureau\",GD-AUTH-1.")
  List<String> authorities;

  @Option(names = "--force", description = "Overwrite an existing deployment file.")
  boolean force;

  @Override
  public Integer call() {
    Session session = session();
    List<RegistryDeployer.Authority> parsed = new ArrayList<>();
    for (String spec : authorities) {
      parsed.add(parse(session, spec, parsed.size() + 1));
    }
    if (Files.exists(session.deploymentFile()) && !force) {
      throw DrrException.badInput("deployment file " + session.deploymentFile()
          + " exists; pass --force to replace it or --deployment FILE to write elsewhere");
    }
    Deployment deployment = Deployer.deploy(session.node(), session.signer(), parsed);
    deployment.write(session.deploymentFile());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("directory", deployment.directory());
    out.putAll(deployment.contracts());
    out.put("chainId", deployment.chainId());
    out.put("deploymentFile", session.deploymentFile().toString());
    session.out().record(out);
    return ExitCode.OK;
  }

  private static RegistryDeployer.Authority parse(Session session, String spec, int index) {
    int eq = spec.indexOf('=');
    if (eq < 0) {
      throw DrrException.badInput("malformed --authority '" + spec
          + "' (expected REGION=ACCOUNT[,NAME[,ID]])");
    }
    String region = RegistryCodes.REGIONS.get(
        Inputs.member("region", spec.substring(0, eq), RegistryCodes.REGIONS));
    String[] parts = spec.substring(eq + 1).split(",", 3);
    String address = session.resolveAccount("--authority", parts[0].strip());
    String name = parts.length > 1 ? parts[1].strip() : region + " Authority " + index;
    String id = parts.length > 2 ? parts[2].strip() : region + "-AUTH-" + index;
    return new RegistryDeployer.Authority(address, Codes.Region.valueOf(region), name, id);
  }
}
