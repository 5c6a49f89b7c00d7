package org.drr.cli.command;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.drr.cli.ExitCode;
import org.drr.cli.chain.RegistryCodes;
import org.drr.cli.input.Hashes;
import org.drr.cli.input.Inputs;
import org.drr.cli.registry.Registry;
import org.drr.cli.registry.TxResult;
import org.drr.contracts.generated.TransferManager;
import org.web3j.utils.Numeric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drr transfer}: moving the holding right, under the cross-border rules. */
@Command(name = "transfer",
    description = "Request, approve, reject, accept, cancel and show transfers of the holding.")
public final class TransferCommand extends CommandSupport {

  @Command(name = "request",
      description = "The holder offers the asset to a recipient; the cross-border rules decide "
          + "whether an origin-region authority must approve first.")
  int request(
      @Parameters(paramLabel = "ASSET") String asset,
      @Option(names = "--to", required = true, paramLabel = "ACCOUNT") String to,
      @Option(names = "--terms", paramLabel = "FILE|0xHASH") String terms) {
    BigInteger assetId = Inputs.uint("ASSET", asset);
    String recipient = session().resolveAccount("--to", to);
    String termsHash = Hashes.optional("--terms", terms);
    Registry registry = session().registry();
    TxResult tx = registry.send(registry.transfers(), registry.transfers().request(
        assetId, recipient, Numeric.hexStringToByteArray(termsHash)));
    Map<String, Object> head = new LinkedHashMap<>();
    head.put("transferId", tx.id("TransferRequested", "transferId"));
    head.put("decision", tx.arg("TransferRequested", "decision"));
    head.put("reason", tx.arg("TransferRequested", "reason"));
    session().out().record(tx.describe(head));
    return ExitCode.OK;
  }

  @Command(name = "approve", description = "An origin-region authority approves a transfer.")
  int approve(
      @Parameters(paramLabel = "TRANSFER") String transfer,
      @Option(names = "--document", required = true, paramLabel = "FILE|0xHASH") String doc) {
    BigInteger id = Inputs.uint("TRANSFER", transfer);
    String hash = Hashes.fileOrHash("--document", doc);
    Registry registry = session().registry();
    TxResult tx = registry.send(registry.transfers(),
        registry.transfers().approve(id, Numeric.hexStringToByteArray(hash)));
    session().out().record(tx.describe(Map.of("transferId", id)));
    return ExitCode.OK;
  }

  @Command(name = "reject",
      description = "The recipient (or, while awaiting approval, an origin authority) refuses.")
  int reject(
      @Parameters(paramLabel = "TRANSFER") String transfer,
      @Option(names = "--reason", paramLabel = "FILE|0xHASH") String reason) {
    BigInteger id = Inputs.uint("TRANSFER", transfer);
    String hash = Hashes.optional("--reason", reason);
    Registry registry = session().registry();
    TxResult tx = registry.send(registry.transfers(),
        registry.transfers().reject(id, Numeric.hexStringToByteArray(hash)));
    session().out().record(tx.describe(Map.of("transferId", id)));
    return ExitCode.OK;
  }

  @Command(name = "accept", description = "The recipient accepts; the holding moves.")
  int accept(@Parameters(paramLabel = "TRANSFER") String transfer) {
    BigInteger id = Inputs.uint("TRANSFER", transfer);
    Registry registry = session().registry();
    TxResult tx = registry.send(registry.transfers(), registry.transfers().accept(id));
    session().out().record(tx.describe(Map.of("transferId", id)));
    return ExitCode.OK;
  }

  @Command(name = "cancel", description = "The sender withdraws its offer.")
  int cancel(@Parameters(paramLabel = "TRANSFER") String transfer) {
    BigInteger id = Inputs.uint("TRANSFER", transfer);
    Registry registry = session().registry();
    TxResult tx = registry.send(registry.transfers(), registry.transfers().cancel(id));
    session().out().record(tx.describe(Map.of("transferId", id)));
    return ExitCode.OK;
  }

  @Command(name = "show", description = "Show one transfer.")
  int show(@Parameters(paramLabel = "TRANSFER") String transfer) {
    BigInteger id = Inputs.uint("TRANSFER", transfer);
    Registry registry = session().registry();
    TransferManager.Transfer t = registry.view(registry.transfers().transferOf(id));
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", t.id);
    row.put("assetId", t.assetId);
    row.put("from", t.from);
    row.put("to", t.to);
    row.put("fromRegion", RegistryCodes.REGIONS.get(t.fromRegion.intValue()));
    row.put("toRegion", RegistryCodes.REGIONS.get(t.toRegion.intValue()));
    row.put("decision", RegistryCodes.DECISIONS.get(t.decision.intValue()));
    row.put("reason", RegistryCodes.DECISION_REASONS.get(t.reason.intValue()));
    row.put("status", RegistryCodes.TRANSFER_STATUS.get(t.status.intValue()));
    row.put("requestedAt", Times.iso(t.requestedAt));
    row.put("termsHash", Numeric.toHexString(t.termsHash));
    row.put("approver", t.approvedAt.signum() == 0 ? null : t.approver);
    row.put("approvedAt", Times.iso(t.approvedAt));
    row.put("closedBy", t.closedAt.signum() == 0 ? null : t.closedBy);
    row.put("closedAt", Times.iso(t.closedAt));
    row.put("voidedInCase", AssetCommand.zeroAsNone(t.voidedInCase));
    session().out().record(row);
    return ExitCode.OK;
  }
}
