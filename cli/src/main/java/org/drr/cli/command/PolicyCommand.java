package org.drr.cli.command;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drr.cli.ExitCode;
import org.drr.cli.chain.RegistryCodes;
import org.drr.cli.chain.Sectors;
import org.drr.cli.input.Hashes;
import org.drr.cli.input.Inputs;
import org.drr.cli.registry.Registry;
import org.drr.cli.registry.TxResult;
import org.drr.contracts.generated.PolicyRegistry;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tuples.generated.Tuple2;
import org.web3j.utils.Numeric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drr policy}: each region's outbound rules — negative list and corridor white lists. */
@Command(name = "policy",
    description = "Show and check the cross-border rules; keep negative lists and white lists.",
    subcommands = {PolicyCommand.NegativeList.class, PolicyCommand.Whitelist.class})
public final class PolicyCommand extends CommandSupport {

  @Command(name = "show", description = "A region's negative list and outbound white lists.")
  int show(@Option(names = "--region", required = true, paramLabel = "GD|HK|MO") String region) {
    int code = Inputs.member("region", region, RegistryCodes.REGIONS);
    Registry registry = session().registry();
    PolicyRegistry policy = registry.policy();
    BigInteger r = BigInteger.valueOf(code);
    List<String> sectors = new ArrayList<>();
    long n = registry.view(policy.negativeSectorCount(r)).longValueExact();
    for (long i = 0; i < n; i++) {
      sectors.add(Sectors.decode(registry.view(policy.negativeSectorAt(r, BigInteger.valueOf(i)))));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("region", RegistryCodes.REGIONS.get(code));
    out.put("negativeList", sectors);
    for (int to = 0; to < RegistryCodes.REGIONS.size(); to++) {
      if (to == code) {
        continue;
      }
      BigInteger t = BigInteger.valueOf(to);
      List<String> recipients = new ArrayList<>();
      long m = registry.view(policy.whitelistCount(r, t)).longValueExact();
      for (long i = 0; i < m; i++) {
        recipients.add(registry.view(policy.whitelistAt(r, t, BigInteger.valueOf(i))).recipient);
      }
      out.put("whitelist " + RegistryCodes.REGIONS.get(code) + "→" + RegistryCodes.REGIONS.get(to),
          recipients);
    }
    session().out().record(out);
    return ExitCode.OK;
  }

  @Command(name = "check",
      description = "The decision for moving ASSET to RECIPIENT in a region. Exit 0 if allowed "
          + "outright, 1 if it needs approval or is forbidden.")
  int check(
      @Parameters(paramLabel = "ASSET") String asset,
      @Option(names = "--recipient", required = true, paramLabel = "ACCOUNT") String recipient,
      @Option(names = "--to-region", paramLabel = "GD|HK|MO",
          description = "Destination region (default: the recipient's home region).")
          String toRegion) {
    BigInteger assetId = Inputs.uint("ASSET", asset);
    String who = session().resolveAccount("--recipient", recipient);
    Integer regionCode = toRegion == null ? null
        : Inputs.member("region", toRegion, RegistryCodes.REGIONS);
    Registry registry = session().registry();
    if (regionCode == null) {
      regionCode = registry.view(registry.participants().participantOf(who)).region.intValue();
    }
    Tuple2<BigInteger, BigInteger> decision = registry.view(
        registry.policy().decide(assetId, who, BigInteger.valueOf(regionCode)));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("assetId", assetId);
    out.put("recipient", who);
    out.put("toRegion", RegistryCodes.REGIONS.get(regionCode));
    out.put("decision", RegistryCodes.DECISIONS.get(decision.component1().intValue()));
    out.put("reason", RegistryCodes.DECISION_REASONS.get(decision.component2().intValue()));
    session().out().record(out);
    return decision.component1().signum() == 0 ? ExitCode.OK : ExitCode.CHECK_FAILED;
  }

  /** {@code drr policy negative-list add|remove}. */
  @Command(name = "negative-list",
      description = "Sectors whose outbound flows need approval (signer: the region's authority).")
  public static final class NegativeList extends CommandSupport {
    @Command(name = "add", description = "Put a sector on the region's negative list.")
    int add(
        @Option(names = "--region", required = true, paramLabel = "GD|HK|MO") String region,
        @Option(names = "--sector", required = true) String sector) {
      return send(region, sector, PolicyRegistry::addNegativeSector);
    }

    @Command(name = "remove", description = "Take a sector off the region's negative list.")
    int remove(
        @Option(names = "--region", required = true, paramLabel = "GD|HK|MO") String region,
        @Option(names = "--sector", required = true) String sector) {
      return send(region, sector, PolicyRegistry::removeNegativeSector);
    }

    /** A PolicyRegistry function that changes one region's negative list. */
    @FunctionalInterface
    private interface ListChange {
      RemoteFunctionCall<TransactionReceipt> call(PolicyRegistry policy, BigInteger region, byte[] sector);
    }

    private int send(String region, String sector, ListChange change) {
      int code = Inputs.member("region", region, RegistryCodes.REGIONS);
      byte[] s = Sectors.encode(sector);
      Registry registry = session().registry();
      TxResult tx = registry.send(registry.policy(),
          change.call(registry.policy(), BigInteger.valueOf(code), s));
      session().out().record(tx.describe(Map.of("region", region, "sector", sector)));
      return ExitCode.OK;
    }
  }

  /** {@code drr policy whitelist add|remove}. */
  @Command(name = "whitelist",
      description = "Recipients with a standard contract on file for a corridor "
          + "(signer: an authority of the origin region).")
  public static final class Whitelist extends CommandSupport {
    @Command(name = "add", description = "White-list a recipient for FROM→TO flows.")
    int add(
        @Option(names = "--from-region", required = true, paramLabel = "GD|HK|MO") String from,
        @Option(names = "--to-region", required = true, paramLabel = "GD|HK|MO") String to,
        @Option(names = "--recipient", required = true, paramLabel = "ACCOUNT") String recipient,
        @Option(names = "--contract", required = true, paramLabel = "FILE|0xHASH",
            description = "The standard contract on file (hashed locally) or its hash.")
            String contract) {
      int f = Inputs.member("region", from, RegistryCodes.REGIONS);
      int t = Inputs.member("region", to, RegistryCodes.REGIONS);
      String who = session().resolveAccount("--recipient", recipient);
      String hash = Hashes.fileOrHash("--contract", contract);
      Registry registry = session().registry();
      TxResult tx = registry.send(registry.policy(), registry.policy().addToWhitelist(
          BigInteger.valueOf(f), BigInteger.valueOf(t), who, Numeric.hexStringToByteArray(hash)));
      session().out().record(tx.describe(Map.of("recipient", who)));
      return ExitCode.OK;
    }

    @Command(name = "remove", description = "Remove a recipient from a corridor's white list.")
    int remove(
        @Option(names = "--from-region", required = true, paramLabel = "GD|HK|MO") String from,
        @Option(names = "--to-region", required = true, paramLabel = "GD|HK|MO") String to,
        @Option(names = "--recipient", required = true, paramLabel = "ACCOUNT") String recipient) {
      int f = Inputs.member("region", from, RegistryCodes.REGIONS);
      int t = Inputs.member("region", to, RegistryCodes.REGIONS);
      String who = session().resolveAccount("--recipient", recipient);
      Registry registry = session().registry();
      TxResult tx = registry.send(registry.policy(), registry.policy().removeFromWhitelist(
          BigInteger.valueOf(f), BigInteger.valueOf(t), who));
      session().out().record(tx.describe(Map.of("recipient", who)));
      return ExitCode.OK;
    }
  }
}
