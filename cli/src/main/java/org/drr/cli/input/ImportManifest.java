package org.drr.cli.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.drr.cli.DrrException;

/**
 * A bulk-registration manifest: CSV with a header row naming the columns
 * {@code file} or {@code content_hash} (one of them per row), {@code title}, {@code scenario},
 * {@code category}, {@code classification}, {@code sector}, and optionally {@code metadata}
 * (a file or 0x hash). Relative file paths are relative to the manifest's folder.
 */
public final class ImportManifest {
  static final List<String> REQUIRED =
      List.of("title", "scenario", "category", "classification", "sector");
  static final List<String> KNOWN = List.of("file", "content_hash", "title", "scenario",
      "category", "classification", "sector", "metadata");

  /** One data row: its 1-based row number (header excluded) and its cells by column. */
  public record Row(int number, Map<String, String> cells) {
    public String get(String column) {
      String v = cells.get(column);
      return v == null || v.isBlank() ? null : v.strip();
    }
  }

  private final Path file;
  private final List<Row> rows;

  private ImportManifest(Path file, List<Row> rows) {
    this.file = file;
    this.rows = rows;
  }

  /**
   * Reads and splits the manifest; checks the header (bad input naming missing or unknown
   * columns) but not the cells, which the importer checks row by row.
   */
  public static ImportManifest read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw DrrException.badInput("manifest not found: " + file);
    } catch (IOException e) {
      throw DrrException.badInput("cannot read manifest " + file + ": " + e.getMessage());
    }
    List<List<String>> records;
    try {
      records = Csv.parse(text);
    } catch (IllegalArgumentException e) {
      throw DrrException.badInput("manifest " + file + ": " + e.getMessage());
    }
    if (records.isEmpty()) {
      throw DrrException.badInput("manifest " + file + " is empty (expected a header row)");
    }
    List<String> header = records.get(0).stream()
        .map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    List<String> missing = new ArrayList<>();
    for (String column : REQUIRED) {
      if (!header.contains(column)) {
        missing.add(column);
      }
    }
    if (!header.contains("file") && !header.contains("content_hash")) {
      missing.add("file or content_hash");
    }
    if (!missing.isEmpty()) {
      throw DrrException.badInput("manifest " + file + " lacks column(s) " + missing
          + " (header: " + header + ")");
    }
    for (String column : header) {
      if (!KNOWN.contains(column)) {
        throw DrrException.badInput("manifest " + file + " has unknown column '" + column
            + "' (known: " + KNOWN + ")");
      }
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < records.size(); i++) {
      List<String> record = records.get(i);
      if (record.size() != header.size()) {
        throw DrrException.badInput("manifest " + file + " row " + i + " has " + record.size()
            + " fields, the header has " + header.size());
      }
      Map<String, String> cells = new HashMap<>();
      for (int c = 0; c < header.size(); c++) {
        cells.put(header.get(c), record.get(c));
      }
      rows.add(new Row(i, cells));
    }
    return new ImportManifest(file, rows);
  }

  public List<Row> rows() {
    return rows;
  }

  /** A file named in the manifest, resolved against the manifest's folder. */
  public Path resolve(String path) {
    Path p = Path.of(path);
    Path base = file.toAbsolutePath().getParent();
    return p.isAbsolute() || base == null ? p : base.resolve(p);
  }
}
