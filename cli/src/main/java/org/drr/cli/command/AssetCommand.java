package org.drr.cli.command;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drr.cli.ExitCode;
import org.drr.cli.chain.RegistryCodes;
import org.drr.cli.chain.Sectors;
import org.drr.cli.input.Fingerprints;
import org.drr.cli.input.Hashes;
import org.drr.cli.input.Inputs;
import org.drr.cli.registry.AssetHistory;
import org.drr.cli.registry.Registry;
import org.drr.cli.registry.TxResult;
import org.drr.contracts.generated.AssetRegistry;
import org.web3j.utils.Numeric;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drr asset}: the registration lifecycle of data assets. */
@Command(name = "asset",
    description = "Register data assets (only their SHA-256 fingerprint goes on chain), show, "
        + "find and trace them, change, cancel and object to registrations.",
    subcommands = AssetImportCommand.class)
public final class AssetCommand extends CommandSupport {

  /** Where the fingerprint comes from: a local file (hashed here) or a given hash. */
  static final class ContentSource {
    @Option(names = "--file", paramLabel = "FILE",
        description = "Data file; its SHA-256 is computed locally and the file is never sent.")
    Path file;

    @Option(names = "--content-hash", paramLabel = "0xHASH",
        description = "SHA-256 fingerprint computed elsewhere.")
    String contentHash;

    String fingerprint() {
      return file != null
          ? Fingerprints.ofFile("--file", file)
          : Inputs.bytes32("--content-hash", contentHash);
    }
  }

  @Command(name = "register", description = "First registration of a data asset, held by the signer.")
  int register(
      @ArgGroup(exclusive = true, multiplicity = "1") ContentSource content,
      @Mixin AssetProfile profile,
      @Option(names = "--parent", paramLabel = "ASSET",
          description = "Parent asset of a derived product (repeatable).") List<String> parents) {
    String fingerprint = content.fingerprint();
    AssetProfile.Checked p = profile.check();
    List<BigInteger> parentIds = new ArrayList<>();
    for (String parent : parents == null ? List.<String>of() : parents) {
      parentIds.add(Inputs.uint("--parent", parent));
    }
    Registry registry = session().registry();
    TxResult tx = registry.send(registry.assets(), registry.assets().register(
        Numeric.hexStringToByteArray(fingerprint), Numeric.hexStringToByteArray(p.metadataHash()),
        p.title(), p.scenario(), BigInteger.valueOf(p.category()),
        BigInteger.valueOf(p.classification()), Sectors.encode(p.sector()), parentIds));
    Map<String, Object> head = new LinkedHashMap<>();
    head.put("assetId", tx.id("AssetRegistered", "assetId"));
    head.put("fingerprint", fingerprint);
    head.put("metadataHash", p.metadataHash());
    session().out().record(tx.describe(head));
    return ExitCode.OK;
  }

  @Command(name = "show", description = "Show one registration.")
  int show(@Parameters(paramLabel = "ASSET") String asset) {
    BigInteger id = Inputs.uint("ASSET", asset);
    Registry registry = session().registry();
    AssetRegistry.Asset a = registry.view(registry.assets().assetOf(id));
    Map<String, Object> row = row(a);
    row.put("parents", registry.view(registry.assets().parentsOf(id)));
    row.put("metadataVersions", registry.view(registry.assets().metadataVersionCount(id)));
    row.put("pendingTransfer", zeroAsNone(registry.view(registry.transfers().pendingTransferOf(id))));
    session().out().record(row);
    return ExitCode.OK;
  }

  @Command(name = "list", description = "List assets (all, or those a holder holds).")
  int list(
      @Option(names = "--holder", paramLabel = "ACCOUNT") String holder,
      @Option(names = "--limit", defaultValue = "100",
          description = "At most this many rows (default: ${DEFAULT-VALUE}).") int limit) {
    Registry registry = session().registry();
    AssetRegistry assets = registry.assets();
    List<BigInteger> ids = new ArrayList<>();
    if (holder != null) {
      String address = session().resolveAccount("--holder", holder);
      long n = registry.view(assets.holdingCount(address)).longValueExact();
      for (long i = 0; i < n && ids.size() < limit; i++) {
        ids.add(registry.view(assets.holdingAt(address, BigInteger.valueOf(i))));
      }
    } else {
      long n = registry.view(assets.assetCount()).longValueExact();
      for (long i = 1; i <= n && ids.size() < limit; i++) {
        ids.add(BigInteger.valueOf(i));
      }
    }
    List<Map<String, ?>> rows = new ArrayList<>();
    for (BigInteger id : ids) {
      rows.add(row(registry.view(assets.assetOf(id))));
    }
    session().out().table(List.of("id", "title", "holder", "originRegion", "classification",
        "sector", "status"), rows);
    return ExitCode.OK;
  }

  @Command(name = "find",
      description = "All registrations of a fingerprint, in registration (priority) order.")
  int find(@ArgGroup(exclusive = true, multiplicity = "1") ContentSource content) {
    String fingerprint = content.fingerprint();
    Registry registry = session().registry();
    byte[] fp = Numeric.hexStringToByteArray(fingerprint);
    long n = registry.view(registry.assets().registrationCount(fp)).longValueExact();
    List<Map<String, ?>> rows = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      BigInteger id = registry.view(registry.assets().registrationAt(fp, BigInteger.valueOf(i)));
      Map<String, Object> row = row(registry.view(registry.assets().assetOf(id)));
      row.put("priority", i + 1);
      rows.add(row);
    }
    session().out().table(List.of("priority", "id", "registrant", "registeredAt", "status"), rows);
    return ExitCode.OK;
  }

  @Command(name = "history",
      description = "Every event about an asset, rebuilt from the chain's logs.")
  int history(@Parameters(paramLabel = "ASSET") String asset) {
    BigInteger id = Inputs.uint("ASSET", asset);
    Registry registry = session().registry();
    registry.view(registry.assets().assetOf(id));
    List<Map<String, ?>> rows = new AssetHistory(registry).of(id);
    session().out().table(List.of("block", "time", "event", "details"), rows);
    return ExitCode.OK;
  }

  @Command(name = "verify-file",
      description = "Does FILE match the asset's fingerprint? Exit 0 yes, 1 no.")
  int verifyFile(
      @Parameters(paramLabel = "ASSET") String asset,
      @Option(names = "--file", required = true, paramLabel = "FILE") Path file) {
    BigInteger id = Inputs.uint("ASSET", asset);
    String local = Fingerprints.ofFile("--file", file);
    Registry registry = session().registry();
    AssetRegistry.Asset a = registry.view(registry.assets().assetOf(id));
    String onChain = Numeric.toHexString(a.fingerprint);
    boolean match = onChain.equalsIgnoreCase(local);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("assetId", id);
    row.put("match", match);
    row.put("fileSha256", local);
    row.put("registered", onChain);
    session().out().record(row);
    return match ? ExitCode.OK : ExitCode.CHECK_FAILED;
  }

  @Command(name = "change", description = "Record a new metadata version (signer: the holder).")
  int change(
      @Parameters(paramLabel = "ASSET") String asset,
      @Option(names = "--metadata", required = true, paramLabel = "FILE|0xHASH") String metadata,
      @Option(names = "--reason", paramLabel = "FILE|0xHASH") String reason) {
    BigInteger id = Inputs.uint("ASSET", asset);
    String metadataHash = Hashes.fileOrHash("--metadata", metadata);
    String reasonHash = Hashes.optional("--reason", reason);
    Registry registry = session().registry();
    TxResult tx = registry.send(registry.assets(), registry.assets().changeMetadata(id,
        Numeric.hexStringToByteArray(metadataHash), Numeric.hexStringToByteArray(reasonHash)));
    session().out().record(tx.describe(Map.of("assetId", id)));
    return ExitCode.OK;
  }

  @Command(name = "cancel", description = "Cancel a registration (signer: the holder).")
  int cancel(
      @Parameters(paramLabel = "ASSET") String asset,
      @Option(names = "--reason", paramLabel = "FILE|0xHASH") String reason) {
    BigInteger id = Inputs.uint("ASSET", asset);
    String reasonHash = Hashes.optional("--reason", reason);
    Registry registry = session().registry();
    TxResult tx = registry.send(registry.assets(),
        registry.assets().cancel(id, Numeric.hexStringToByteArray(reasonHash)));
    session().out().record(tx.describe(Map.of("assetId", id)));
    return ExitCode.OK;
  }

  @Command(name = "object",
      description = "File an objection to a registration; it blocks transfers until resolved.")
  int object(
      @Parameters(paramLabel = "ASSET") String asset,
      @Option(names = "--grounds", required = true, paramLabel = "FILE|0xHASH") String grounds) {
    BigInteger id = Inputs.uint("ASSET", asset);
    String groundsHash = Hashes.fileOrHash("--grounds", grounds);
    Registry registry = session().registry();
    TxResult tx = registry.send(registry.assets(),
        registry.assets().fileObjection(id, Numeric.hexStringToByteArray(groundsHash)));
    Map<String, Object> head = new LinkedHashMap<>();
    head.put("assetId", id);
    head.put("objectionId", tx.id("ObjectionFiled", "objectionId"));
    session().out().record(tx.describe(head));
    return ExitCode.OK;
  }

  @Command(name = "respond",
      description = "The holder answers an objection, optionally withdrawing the registration.")
  int respond(
      @Parameters(paramLabel = "OBJECTION") String objection,
      @Option(names = "--response", required = true, paramLabel = "FILE|0xHASH") String response,
      @Option(names = "--withdraw-registration") boolean withdraw) {
    BigInteger id = Inputs.uint("OBJECTION", objection);
    String responseHash = Hashes.fileOrHash("--response", response);
    Registry registry = session().registry();
    TxResult tx = registry.send(registry.assets(), registry.assets().respondToObjection(
        id, Numeric.hexStringToByteArray(responseHash), withdraw));
    session().out().record(tx.describe(Map.of("objectionId", id)));
    return ExitCode.OK;
  }

  @Command(name = "withdraw-objection", description = "The objector withdraws its objection.")
  int withdrawObjection(@Parameters(paramLabel = "OBJECTION") String objection) {
    BigInteger id = Inputs.uint("OBJECTION", objection);
    Registry registry = session().registry();
    TxResult tx = registry.send(registry.assets(), registry.assets().withdrawObjection(id));
    session().out().record(tx.describe(Map.of("objectionId", id)));
    return ExitCode.OK;
  }

  static Map<String, Object> row(AssetRegistry.Asset a) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", a.id);
    row.put("title", a.title);
    row.put("scenario", a.scenario);
    row.put("fingerprint", Numeric.toHexString(a.fingerprint));
    row.put("metadataHash", Numeric.toHexString(a.metadataHash));
    row.put("version", a.version);
    row.put("holder", a.holder);
    row.put("registrant", a.registrant);
    row.put("originRegion", RegistryCodes.REGIONS.get(a.originRegion.intValue()));
    row.put("category", RegistryCodes.CATEGORIES.get(a.category.intValue()));
    row.put("classification", RegistryCodes.CLASSIFICATIONS.get(a.classification.intValue()));
    row.put("sector", Sectors.decode(a.sector));
    row.put("status", RegistryCodes.ASSET_STATUS.get(a.status.intValue())
        + (a.frozen ? ", FROZEN" : "")
        + (a.openObjectionId.signum() > 0 ? ", OBJECTION " + a.openObjectionId : ""));
    row.put("frozen", a.frozen);
    row.put("openObjection", zeroAsNone(a.openObjectionId));
    row.put("registeredAt", Times.iso(a.registeredAt));
    return row;
  }

  static Object zeroAsNone(BigInteger id) {
    return id == null || id.signum() == 0 ? null : id;
  }
}
