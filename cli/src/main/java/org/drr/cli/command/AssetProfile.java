package org.drr.cli.command;

import java.util.LinkedHashMap;
import java.util.Map;
import org.drr.cli.chain.RegistryCodes;
import org.drr.cli.chain.Sectors;
import org.drr.cli.input.Fingerprints;
import org.drr.cli.input.Hashes;
import org.drr.cli.input.Inputs;
import picocli.CommandLine.Option;

/**
 * The descriptive options of a registration, shared by {@code asset register} and the import
 * manifest's columns: title, scenario ("no scenario, no registration"), category,
 * classification, sector and the metadata hash.
 */
public final class AssetProfile {
  @Option(names = "--title", required = true, description = "Public title.")
  String title;

  @Option(names = "--scenario", required = true,
      description = "The application scenario the data is registered for (required by the "
          + "'no scenario, no registration' rule).")
  String scenario;

  @Option(names = "--category", required = true, paramLabel = "PUBLIC|ENTERPRISE|PERSONAL")
  String category;

  @Option(names = "--classification", required = true, paramLabel = "GENERAL|IMPORTANT|CORE")
  String classification;

  @Option(names = "--sector", required = true, description = "Sector code, e.g. finance.")
  String sector;

  @Option(names = "--metadata", paramLabel = "FILE|0xHASH",
      description = "Metadata document (hashed locally) or its hash. Default: the SHA-256 of "
          + "the canonical JSON of title, scenario, category, classification and sector.")
  String metadata;

  /** The checked profile, in contract codes. */
  public record Checked(String title, String scenario, int category, int classification,
      String sector, String metadataHash) {}

  /** Checks every field; bad input names the first wrong one. */
  public Checked check() {
    return check(title, scenario, category, classification, sector, metadata, "--");
  }

  /**
   * Checks a profile given as plain values ({@code prefix} is "--" for options, "" for
   * manifest columns, so messages name what the user wrote).
   */
  public static Checked check(String title, String scenario, String category,
      String classification, String sector, String metadata, String prefix) {
    Inputs.text(prefix + "title", title, 200);
    Inputs.text(prefix + "scenario", scenario, 500);
    int cat = Inputs.member(prefix + "category", category, RegistryCodes.CATEGORIES);
    int cls = Inputs.member(prefix + "classification", classification,
        RegistryCodes.CLASSIFICATIONS);
    Sectors.encode(sector);
    String metadataHash = metadata == null || metadata.isEmpty()
        ? canonicalMetadataHash(title, scenario, RegistryCodes.CATEGORIES.get(cat),
            RegistryCodes.CLASSIFICATIONS.get(cls), sector)
        : Hashes.fileOrHash(prefix + "metadata", metadata);
    return new Checked(title, scenario, cat, cls, sector, metadataHash);
  }

  /** SHA-256 of {@code {"category":…,"classification":…,"scenario":…,"sector":…,"title":…}}. */
  static String canonicalMetadataHash(String title, String scenario, String category,
      String classification, String sector) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("category", category);
    fields.put("classification", classification);
    fields.put("scenario", scenario);
    fields.put("sector", sector);
    fields.put("title", title);
    try {
      return Fingerprints.ofText(
          new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(fields));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
