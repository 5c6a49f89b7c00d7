package org.drr.cli.deployment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.drr.cli.DrrException;
import org.drr.cli.ExitCode;

/**
 * Where the registry lives on one chain: the chain id, the {@code DrrDirectory} root, the
 * address of every module, and the block it was deployed in (where history scans start).
 *
 * <p>Written by {@code drr deploy} and {@code drr dev} as JSON; read by every registry command.
 *
 * @param chainId the chain the addresses are valid on
 * @param directory the DrrDirectory root contract
 * @param contracts module name → address (e.g. "assets" → 0x…)
 * @param deployedAtBlock the block of the first deployment transaction
 * @param deployer the account that deployed it
 */
public record Deployment(
    long chainId,
    String directory,
    Map<String, String> contracts,
    long deployedAtBlock,
    String deployer) {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public Deployment {
    contracts = new TreeMap<>(contracts);
  }

  /** The address of module {@code name}, or bad input naming the file's modules. */
  public String contract(String name) {
    String address = contracts.get(name);
    if (address == null) {
      throw DrrException.badInput("the deployment has no '" + name + "' contract (it has "
          + contracts.keySet() + ")");
    }
    return address;
  }

  public static Deployment read(Path file) {
    try {
      return JSON.readValue(Files.readString(file), Deployment.class);
    } catch (NoSuchFileException e) {
      throw DrrException.badInput("no deployment file at " + file
          + " and no registry at the genesis directory address "
          + GenesisDeployment.DIRECTORY + ": run 'drr deploy' (or './drr dev'), or pass "
          + "--deployment FILE");
    } catch (IOException e) {
      throw DrrException.badInput("unreadable deployment file " + file + ": " + e.getMessage());
    }
  }

  public void write(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, JSON.writeValueAsString(this) + "\n");
    } catch (IOException e) {
      throw new DrrException(ExitCode.INTERNAL,
          "cannot write deployment file " + file + ": " + e.getMessage(), e);
    }
  }
}
