package org.drr.cli.command;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drr.cli.DrrException;
import org.drr.cli.ExitCode;
import org.drr.cli.Session;
import org.drr.cli.chain.PipelinedSender;
import org.drr.cli.chain.Sectors;
import org.drr.cli.input.Fingerprints;
import org.drr.cli.input.ImportManifest;
import org.drr.cli.input.Inputs;
import org.drr.cli.output.ProgressBar;
import org.drr.cli.registry.Registry;
import org.drr.cli.registry.TxResult;
import org.drr.contracts.generated.AssetRegistry;
import org.web3j.utils.Numeric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code drr asset import}: registers every row of a CSV manifest, pipelined.
 *
 * <p>All rows are checked first; unless {@code --skip-invalid} is given, one invalid row stops
 * the import before anything is sent. Valid rows are then estimated, signed with consecutive
 * nonces and sent without waiting; a row the contract refuses is reported with its decoded
 * error and does not hold up the others.
 */
@Command(name = "import",
    description = "Register many assets from a CSV manifest (columns: file or content_hash, "
        + "title, scenario, category, classification, sector[, metadata]).")
public final class AssetImportCommand extends CommandSupport
    implements java.util.concurrent.Callable<Integer> {
  @Parameters(paramLabel = "MANIFEST", description = "The CSV manifest.")
  Path manifestFile;

  @Option(names = "--window", defaultValue = "2000",
      description = "Most transactions in flight at once (default: ${DEFAULT-VALUE}).")
  int window;

  @Option(names = "--estimators", defaultValue = "4",
      description = "Parallel gas estimations (default: ${DEFAULT-VALUE}).")
  int estimators;

  @Option(names = "--skip-invalid",
      description = "Send the valid rows even if some rows are invalid (they are reported).")
  boolean skipInvalid;

  /** A row ready to send. */
  private record Prepared(int row, String data) {}

  @Override
  public Integer call() {
    if (window < 1 || estimators < 1) {
      throw DrrException.badInput("--window and --estimators must be at least 1");
    }
    ImportManifest manifest = ImportManifest.read(manifestFile);
    Session session = session();
    Registry registry = session.registry();
    AssetRegistry assets = registry.assets();

    Map<Integer, String> failures = new LinkedHashMap<>();
    List<Prepared> prepared = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (ImportManifest.Row row : manifest.rows()) {
      try {
        prepared.add(new Prepared(row.number(), encode(manifest, row, assets, seen)));
      } catch (DrrException e) {
        failures.put(row.number(), e.getMessage());
      }
    }
    if (!failures.isEmpty() && !skipInvalid) {
      failures.forEach((row, error) -> session.out().note("row " + row + ": " + error));
      throw DrrException.badInput(failures.size() + " of " + manifest.rows().size()
          + " manifest rows are invalid (listed above); nothing was sent"
          + " (--skip-invalid sends the rest)");
    }

    List<PipelinedSender.Call> calls = prepared.stream()
        .map(p -> new PipelinedSender.Call(p.row(), assets.getContractAddress(), p.data()))
        .toList();
    PipelinedSender pipeline =
        new PipelinedSender(session.node(), session.sender(), window, estimators);
    long start = System.nanoTime();
    List<PipelinedSender.Outcome> outcomes;
    try (ProgressBar bar = session.out().progress("import", calls.size())) {
      outcomes = pipeline.run(calls, bar::update);
    }
    double seconds = (System.nanoTime() - start) / 1e9;

    List<Map<String, ?>> results = new ArrayList<>();
    int registered = 0;
    for (PipelinedSender.Outcome o : outcomes) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("row", o.row());
      if (o.ok()) {
        registered++;
        r.put("assetId", TxResult.of(o.receipt(), registry.abi()).id("AssetRegistered", "assetId"));
        r.put("tx", o.txHash());
      } else {
        failures.put(o.row(), o.error());
        r.put("error", o.error());
      }
      results.add(r);
    }
    failures.forEach((row, error) -> {
      if (outcomes.stream().noneMatch(o -> o.row() == row)) {
        results.add(Map.of("row", row, "error", error));
      }
    });
    report(session, manifest.rows().size(), registered, failures, seconds, results);
    return failures.isEmpty() ? ExitCode.OK : ExitCode.REJECTED;
  }

  private String encode(ImportManifest manifest, ImportManifest.Row row, AssetRegistry assets,
      Map<String, Integer> seen) {
    String file = row.get("file");
    String hash = row.get("content_hash");
    if ((file == null) == (hash == null)) {
      throw DrrException.badInput("give exactly one of file and content_hash");
    }
    String fingerprint = file != null
        ? Fingerprints.ofFile("file", manifest.resolve(file))
        : Inputs.bytes32("content_hash", hash);
    Integer earlier = seen.putIfAbsent(fingerprint, row.number());
    if (earlier != null) {
      throw DrrException.badInput("same content as row " + earlier + " (" + fingerprint + ")");
    }
    String metadata = row.get("metadata");
    AssetProfile.Checked p = AssetProfile.check(row.get("title"), row.get("scenario"),
        row.get("category"), row.get("classification"), row.get("sector"),
        metadata == null || metadata.startsWith("0x")
            ? metadata : manifest.resolve(metadata).toString(),
        "");
    return assets.register(Numeric.hexStringToByteArray(fingerprint),
        Numeric.hexStringToByteArray(p.metadataHash()), p.title(), p.scenario(),
        BigInteger.valueOf(p.category()), BigInteger.valueOf(p.classification()),
        Sectors.encode(p.sector()), List.of()).encodeFunctionCall();
  }

  private static void report(Session session, int rows, int registered,
      Map<Integer, String> failures, double seconds, List<Map<String, ?>> results) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("rows", rows);
    summary.put("registered", registered);
    summary.put("failed", failures.size());
    summary.put("seconds", Math.round(seconds * 100) / 100.0);
    summary.put("registrationsPerSecond", seconds > 0 ? Math.round(registered / seconds * 10) / 10.0 : 0);
    if (session.out().json()) {
      summary.put("results", results);
      session.out().printJson(summary);
      return;
    }
    failures.forEach((row, error) -> session.out().note("row " + row + ": " + error));
    session.out().record(summary);
  }
}
