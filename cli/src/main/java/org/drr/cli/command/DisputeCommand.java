package org.drr.cli.command;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drr.cli.ExitCode;
import org.drr.cli.chain.RegistryCodes;
import org.drr.cli.input.Hashes;
import org.drr.cli.input.Inputs;
import org.drr.cli.registry.Registry;
import org.drr.cli.registry.TxResult;
import org.drr.contracts.generated.DisputeManager;
import org.web3j.utils.Numeric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drr dispute}: cases about assets, freezes, rulings and settlements. */
@Command(name = "dispute",
    description = "Open cases, add evidence, freeze and unfreeze (court), rule (court), "
        + "settle (mediator), show.")
public final class DisputeCommand extends CommandSupport {
  private static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

  @Command(name = "open", description = "Open a case about an asset against a respondent.")
  int open(
      @Parameters(paramLabel = "ASSET") String asset,
      @Option(names = "--respondent", required = true, paramLabel = "ACCOUNT") String respondent,
      @Option(names = "--claim", required = true, paramLabel = "FILE|0xHASH") String claim,
      @Option(names = "--grant", paramLabel = "GRANT",
          description = "The grant the case is about, if any.") String grant,
      @Option(names = "--transfer", paramLabel = "TRANSFER",
          description = "The transfer the case is about, if any.") String transfer) {
    BigInteger assetId = Inputs.uint("ASSET", asset);
    String who = session().resolveAccount("--respondent", respondent);
    String claimHash = Hashes.fileOrHash("--claim", claim);
    BigInteger grantId = grant == null ? BigInteger.ZERO : Inputs.uint("--grant", grant);
    BigInteger transferId =
        transfer == null ? BigInteger.ZERO : Inputs.uint("--transfer", transfer);
    Registry registry = session().registry();
    TxResult tx = registry.send(registry.disputes(), registry.disputes().openCase(
        assetId, who, grantId, transferId, Numeric.hexStringToByteArray(claimHash)));
    Map<String, Object> head = new LinkedHashMap<>();
    head.put("caseId", tx.id("CaseOpened", "caseId"));
    head.put("assetId", assetId);
    session().out().record(tx.describe(head));
    return ExitCode.OK;
  }

  @Command(name = "evidence", description = "A party adds an evidence hash to an open case.")
  int evidence(
      @Parameters(paramLabel = "CASE") String caseArg,
      @Option(names = "--evidence", required = true, paramLabel = "FILE|0xHASH") String evidence) {
    BigInteger id = Inputs.uint("CASE", caseArg);
    String hash = Hashes.fileOrHash("--evidence", evidence);
    Registry registry = session().registry();
    TxResult tx = registry.send(registry.disputes(),
        registry.disputes().addEvidence(id, Numeric.hexStringToByteArray(hash)));
    session().out().record(tx.describe(Map.of("caseId", id, "evidenceHash", hash)));
    return ExitCode.OK;
  }

  @Command(name = "freeze",
      description = "A court freezes the case's asset: no transfers, no new grants.")
  int freeze(@Parameters(paramLabel = "CASE") String caseArg) {
    BigInteger id = Inputs.uint("CASE", caseArg);
    Registry registry = session().registry();
    TxResult tx = registry.send(registry.disputes(), registry.disputes().freeze(id));
    session().out().record(tx.describe(Map.of("caseId", id)));
    return ExitCode.OK;
  }

  @Command(name = "unfreeze", description = "A court lifts the freeze.")
  int unfreeze(@Parameters(paramLabel = "CASE") String caseArg) {
    BigInteger id = Inputs.uint("CASE", caseArg);
    Registry registry = session().registry();
    TxResult tx = registry.send(registry.disputes(), registry.disputes().unfreeze(id));
    session().out().record(tx.describe(Map.of("caseId", id)));
    return ExitCode.OK;
  }

  @Command(name = "rule",
      description = "A court records its ruling; the effects are executed atomically.")
  int rule(
      @Parameters(paramLabel = "CASE") String caseArg,
      @Option(names = "--document", required = true, paramLabel = "FILE|0xHASH",
          description = "The ruling document (hashed locally) or its hash.") String document,
      @Option(names = "--revoke-grant", paramLabel = "GRANT",
          description = "Revoke this grant (repeatable); grants below it lapse.")
          List<String> revoke,
      @Option(names = "--new-holder", paramLabel = "ACCOUNT",
          description = "Move the holding to this participant.") String newHolder,
      @Option(names = "--objection", paramLabel = "DISMISS|UPHOLD",
          description = "Resolve the asset's open objection.") String objection,
      @Option(names = "--unfreeze", description = "Lift the freeze.") boolean unfreeze) {
    BigInteger id = Inputs.uint("CASE", caseArg);
    String hash = Hashes.fileOrHash("--document", document);
    List<BigInteger> grants = new ArrayList<>();
    for (String g : revoke == null ? List.<String>of() : revoke) {
      grants.add(Inputs.uint("--revoke-grant", g));
    }
    String holder = newHolder == null ? ZERO_ADDRESS
        : session().resolveAccount("--new-holder", newHolder);
    int outcome = objection == null ? 0
        : Inputs.member("objection outcome", objection, RegistryCodes.OUTCOMES);
    Registry registry = session().registry();
    TxResult tx = registry.send(registry.disputes(), registry.disputes().rule(id,
        Numeric.hexStringToByteArray(hash), grants, holder, BigInteger.valueOf(outcome),
        unfreeze));
    session().out().record(tx.describe(Map.of("caseId", id)));
    return ExitCode.OK;
  }

  @Command(name = "settle", description = "A mediator records the parties' settlement.")
  int settle(
      @Parameters(paramLabel = "CASE") String caseArg,
      @Option(names = "--settlement", required = true, paramLabel = "FILE|0xHASH")
          String settlement) {
    BigInteger id = Inputs.uint("CASE", caseArg);
    String hash = Hashes.fileOrHash("--settlement", settlement);
    Registry registry = session().registry();
    TxResult tx = registry.send(registry.disputes(),
        registry.disputes().settle(id, Numeric.hexStringToByteArray(hash)));
    session().out().record(tx.describe(Map.of("caseId", id)));
    return ExitCode.OK;
  }

  @Command(name = "show", description = "Show a case, its evidence and its outcome.")
  int show(@Parameters(paramLabel = "CASE") String caseArg) {
    BigInteger id = Inputs.uint("CASE", caseArg);
    Registry registry = session().registry();
    DisputeManager disputes = registry.disputes();
    DisputeManager.Case c = registry.view(disputes.caseOf(id));
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", c.id);
    row.put("assetId", c.assetId);
    row.put("grantId", AssetCommand.zeroAsNone(c.grantId));
    row.put("transferId", AssetCommand.zeroAsNone(c.transferId));
    row.put("claimant", c.claimant);
    row.put("respondent", c.respondent);
    row.put("status", RegistryCodes.CASE_STATUS.get(c.status.intValue()));
    row.put("openedAt", Times.iso(c.openedAt));
    row.put("claimHash", Numeric.toHexString(c.claimHash));
    List<String> evidence = new ArrayList<>();
    long n = registry.view(disputes.evidenceCount(id)).longValueExact();
    for (long i = 0; i < n; i++) {
      DisputeManager.Evidence e = registry.view(disputes.evidenceAt(id, BigInteger.valueOf(i)));
      evidence.add(Numeric.toHexString(e.evidenceHash) + " by " + e.submittedBy + " at "
          + Times.iso(e.submittedAt));
    }
    row.put("evidence", evidence);
    row.put("closedBy", c.closedAt.signum() == 0 ? null : c.closedBy);
    row.put("closedAt", Times.iso(c.closedAt));
    row.put("outcomeHash", c.closedAt.signum() == 0 ? null : Numeric.toHexString(c.outcomeHash));
    row.put("revokedGrants", registry.view(disputes.revokedGrantsOf(id)));
    row.put("newHolder", ZERO_ADDRESS.equals(c.newHolder) ? null : c.newHolder);
    row.put("objectionOutcome", RegistryCodes.OUTCOMES.get(c.objectionOutcome.intValue()));
    row.put("unfrozen", c.unfrozen);
    session().out().record(row);
    return ExitCode.OK;
  }
}
