package org.drr.cli.command;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drr.cli.DrrException;
import org.drr.cli.ExitCode;
import org.drr.cli.chain.RegistryCodes;
import org.drr.cli.input.Hashes;
import org.drr.cli.input.Inputs;
import org.drr.cli.registry.Registry;
import org.drr.cli.registry.TxResult;
import org.drr.contracts.generated.RightsRegistry;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tuples.generated.Tuple3;
import org.web3j.utils.Numeric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drr grant}: USE and OPERATE licences and their authorization chains. */
@Command(name = "grant",
    description = "Issue, sub-license, approve, revoke and check USE/OPERATE grants.")
public final class GrantCommand extends CommandSupport {

  @Command(name = "issue", description = "The holder grants a right on its asset.")
  int issue(
      @Parameters(paramLabel = "ASSET", description = "Asset id.") String asset,
      @Option(names = "--grantee", required = true, paramLabel = "ACCOUNT",
          description = "Who receives the right (address or keystore name).") String grantee,
      @Option(names = "--right", required = true, paramLabel = "USE|OPERATE",
          description = "USE (processing and use) or OPERATE (product operation).")
          String right,
      @Mixin GrantTermsOptions terms) {
    BigInteger assetId = Inputs.uint("ASSET", asset);
    String to = session().resolveAccount("--grantee", grantee);
    int rightCode = Inputs.member("right", right, RegistryCodes.RIGHTS);
    if (rightCode == 0) {
      throw DrrException.badInput("HOLD is not licensed; it moves only by 'drr transfer'");
    }
    Registry registry = session().registry();
    RightsRegistry.GrantTerms checked = terms.check(null, registry.now());
    TxResult tx = registry.send(registry.rights(), registry.rights().issueGrant(
        assetId, to, BigInteger.valueOf(rightCode), checked));
    return printIssued(tx);
  }

  @Command(name = "sublicense",
      description = "The grantee of PARENT sub-licenses inside the parent's scope.")
  int sublicense(
      @Parameters(paramLabel = "PARENT", description = "The grant to sub-license.")
          String parent,
      @Option(names = "--grantee", required = true, paramLabel = "ACCOUNT",
          description = "Who receives the sub-licence.") String grantee,
      @Mixin GrantTermsOptions terms) {
    BigInteger parentId = Inputs.uint("PARENT", parent);
    String to = session().resolveAccount("--grantee", grantee);
    Registry registry = session().registry();
    RightsRegistry.Grant p = registry.view(registry.rights().grantOf(parentId));
    RightsRegistry.GrantTerms checked = terms.check(p, registry.now());
    TxResult tx = registry.send(registry.rights(),
        registry.rights().sublicense(parentId, to, checked));
    return printIssued(tx);
  }

  private int printIssued(TxResult tx) {
    Map<String, Object> head = new LinkedHashMap<>();
    head.put("grantId", tx.id("GrantIssued", "grantId"));
    head.put("status", tx.arg("GrantIssued", "status"));
    session().out().record(tx.describe(head));
    return ExitCode.OK;
  }

  @Command(name = "approve",
      description = "An origin-region authority approves a cross-border grant.")
  int approve(
      @Parameters(paramLabel = "GRANT") String grant,
      @Option(names = "--document", required = true, paramLabel = "FILE|0xHASH") String doc) {
    return sendOnGrant(Inputs.uint("GRANT", grant), Hashes.fileOrHash("--document", doc),
        RightsRegistry::approveGrant);
  }

  @Command(name = "reject",
      description = "An origin-region authority refuses a cross-border grant.")
  int reject(
      @Parameters(paramLabel = "GRANT") String grant,
      @Option(names = "--document", required = true, paramLabel = "FILE|0xHASH") String doc) {
    return sendOnGrant(Inputs.uint("GRANT", grant), Hashes.fileOrHash("--document", doc),
        RightsRegistry::rejectGrant);
  }

  @Command(name = "revoke",
      description = "The grantor or the holder revokes a grant; everything below it lapses.")
  int revoke(
      @Parameters(paramLabel = "GRANT") String grant,
      @Option(names = "--reason", paramLabel = "FILE|0xHASH") String reason) {
    return sendOnGrant(Inputs.uint("GRANT", grant), Hashes.optional("--reason", reason),
        RightsRegistry::revokeGrant);
  }

  /** A RightsRegistry function that acts on one grant, with a document's hash as evidence. */
  @FunctionalInterface
  private interface GrantAction {
    RemoteFunctionCall<TransactionReceipt> call(RightsRegistry rights, BigInteger grantId, byte[] hash);
  }

  /** Sends {@code action} for grant {@code id} with {@code hash} and prints the transaction. */
  private int sendOnGrant(BigInteger id, String hash, GrantAction action) {
    Registry registry = session().registry();
    TxResult tx = registry.send(registry.rights(),
        action.call(registry.rights(), id, Numeric.hexStringToByteArray(hash)));
    session().out().record(tx.describe(Map.of("grantId", id)));
    return ExitCode.OK;
  }

  @Command(name = "show", description = "Show a grant and its chain up to the holder.")
  int show(@Parameters(paramLabel = "GRANT") String grant) {
    BigInteger id = Inputs.uint("GRANT", grant);
    Registry registry = session().registry();
    RightsRegistry.Grant g = registry.view(registry.rights().grantOf(id));
    int firstRegion = Integer.numberOfTrailingZeros(g.regions.intValue());
    Tuple3<Boolean, BigInteger, List<BigInteger>> check = registry.view(registry.rights()
        .checkGrant(id, BigInteger.valueOf(Math.min(firstRegion, 2)), registry.now()));
    Map<String, Object> row = row(g);
    row.put("chain", chain(check.component3()));
    row.put("validNow", check.component1()
        ? "yes" : "no (" + RegistryCodes.VALIDITY.get(check.component2().intValue()) + ")");
    session().out().record(row);
    return ExitCode.OK;
  }

  @Command(name = "check",
      description = "Is a right valid in REGION at a time? Exit 0 valid, 1 not. Either a grant "
          + "id, or --account/--asset/--right.")
  int check(
      @Parameters(paramLabel = "GRANT", arity = "0..1") String grant,
      @Option(names = "--account", paramLabel = "ACCOUNT") String account,
      @Option(names = "--asset", paramLabel = "ASSET") String asset,
      @Option(names = "--right", paramLabel = "HOLD|USE|OPERATE") String right,
      @Option(names = "--region", required = true, paramLabel = "GD|HK|MO") String region,
      @Option(names = "--at", paramLabel = "TIME",
          description = "When (default: the latest block's time).") String at) {
    BigInteger regionCode = BigInteger.valueOf(
        Inputs.member("region", region, RegistryCodes.REGIONS));
    boolean byGrant = grant != null;
    if (byGrant == (account != null || asset != null || right != null)) {
      throw DrrException.badInput(
          "give either GRANT or all of --account, --asset and --right");
    }
    Tuple3<Boolean, BigInteger, List<BigInteger>> result;
    Map<String, Object> row = new LinkedHashMap<>();
    if (byGrant) {
      BigInteger id = Inputs.uint("GRANT", grant);
      Registry registry = session().registry();
      BigInteger time = at == null ? registry.now() : Inputs.time("--at", at);
      result = registry.view(registry.rights().checkGrant(id, regionCode, time));
      row.put("grantId", id);
      row.put("at", Times.iso(time));
    } else {
      if (account == null || asset == null || right == null) {
        throw DrrException.badInput("--account, --asset and --right go together");
      }
      String who = session().resolveAccount("--account", account);
      BigInteger assetId = Inputs.uint("--asset", asset);
      int rightCode = Inputs.member("right", right, RegistryCodes.RIGHTS);
      Registry registry = session().registry();
      BigInteger time = at == null ? registry.now() : Inputs.time("--at", at);
      result = registry.view(registry.rights().checkRight(
          who, assetId, BigInteger.valueOf(rightCode), regionCode, time));
      row.put("account", who);
      row.put("assetId", assetId);
      row.put("right", RegistryCodes.RIGHTS.get(rightCode));
      row.put("at", Times.iso(time));
    }
    row.put("region", region.toUpperCase(java.util.Locale.ROOT));
    row.put("valid", result.component1());
    row.put("reason", RegistryCodes.VALIDITY.get(result.component2().intValue()));
    row.put("chain", chain(result.component3()));
    session().out().record(row);
    return result.component1() ? ExitCode.OK : ExitCode.CHECK_FAILED;
  }

  @Command(name = "tree", description = "All grants of an asset as a tree, with their status.")
  int tree(@Parameters(paramLabel = "ASSET") String asset) {
    BigInteger assetId = Inputs.uint("ASSET", asset);
    Registry registry = session().registry();
    registry.view(registry.assets().assetOf(assetId));
    long n = registry.view(registry.rights().grantsOfAssetCount(assetId)).longValueExact();
    Map<BigInteger, RightsRegistry.Grant> grants = new LinkedHashMap<>();
    for (long i = 0; i < n; i++) {
      BigInteger id = registry.view(registry.rights().grantOfAssetAt(assetId, BigInteger.valueOf(i)));
      grants.put(id, registry.view(registry.rights().grantOf(id)));
    }
    BigInteger now = registry.now();
    List<Map<String, ?>> rows = new ArrayList<>();
    for (RightsRegistry.Grant g : grants.values()) {
      if (g.parentId.signum() == 0) {
        addSubtree(registry, grants, g, 0, now, rows);
      }
    }
    session().out().table(List.of("grant", "right", "grantee", "regions", "status", "validNow"),
        rows);
    return ExitCode.OK;
  }

  private void addSubtree(Registry registry, Map<BigInteger, RightsRegistry.Grant> grants,
      RightsRegistry.Grant g, int depth, BigInteger now, List<Map<String, ?>> rows) {
    Map<String, Object> row = row(g);
    row.put("grant", "  ".repeat(depth) + (depth > 0 ? "└ " : "") + "#" + g.id);
    int firstRegion = Integer.numberOfTrailingZeros(g.regions.intValue());
    Tuple3<Boolean, BigInteger, List<BigInteger>> check = registry.view(registry.rights()
        .checkGrant(g.id, BigInteger.valueOf(Math.min(firstRegion, 2)), now));
    row.put("validNow", check.component1()
        ? "yes" : "no (" + RegistryCodes.VALIDITY.get(check.component2().intValue()) + ")");
    rows.add(row);
    for (RightsRegistry.Grant child : grants.values()) {
      if (child.parentId.equals(g.id)) {
        addSubtree(registry, grants, child, depth + 1, now, rows);
      }
    }
  }

  private static String chain(List<BigInteger> ids) {
    List<String> parts = new ArrayList<>();
    for (BigInteger id : ids) {
      parts.add("#" + id);
    }
    return parts.isEmpty() ? "-" : String.join(" → ", parts) + " → holder";
  }

  static Map<String, Object> row(RightsRegistry.Grant g) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", g.id);
    row.put("assetId", g.assetId);
    row.put("parentId", AssetCommand.zeroAsNone(g.parentId));
    row.put("right", RegistryCodes.RIGHTS.get(g.right.intValue()));
    row.put("grantor", g.grantor);
    row.put("grantee", g.grantee);
    row.put("regions", RegistryCodes.regionMask(g.regions.intValue()));
    row.put("validFrom", Times.iso(g.validFrom));
    row.put("validUntil", Times.iso(g.validUntil));
    row.put("sublicensable", g.sublicensable);
    row.put("maxDepth", g.maxDepth);
    row.put("depth", g.depth);
    row.put("status", RegistryCodes.GRANT_STATUS.get(g.status.intValue()));
    row.put("termsHash", Numeric.toHexString(g.termsHash));
    row.put("basePrice", g.basePrice);
    row.put("scenarioPremium", g.scenarioPremium);
    row.put("approver", g.approver.equals("0x0000000000000000000000000000000000000000")
        ? null : g.approver);
    row.put("revokedBy", g.revokedBy.equals("0x0000000000000000000000000000000000000000")
        ? null : g.revokedBy);
    row.put("revokedInCase", AssetCommand.zeroAsNone(g.revokedInCase));
    return row;
  }
}
