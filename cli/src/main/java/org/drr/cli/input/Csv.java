package org.drr.cli.input;

import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader: comma-separated fields, double-quoted fields may hold commas,
 * newlines and doubled quotes. Enough for import manifests without another dependency.
 */
public final class Csv {
  private Csv() {}

  /**
   * Splits {@code text} into records of fields. Blank lines are skipped.
   *
   * @throws IllegalArgumentException on an unterminated quoted field, naming its line
   */
  public static List<List<String>> parse(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldStarted = false;
    int line = 1;
    int quoteLine = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"' && field.isEmpty()) {
        quoted = true;
        fieldStarted = true;
        quoteLine = line;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
        fieldStarted = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        line++;
        endRecord(records, record, field, fieldStarted);
        record = new ArrayList<>();
        fieldStarted = false;
      } else {
        field.append(c);
        fieldStarted = true;
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("unterminated quoted field starting on line " + quoteLine);
    }
    endRecord(records, record, field, fieldStarted);
    return records;
  }

  private static void endRecord(
      List<List<String>> records, List<String> record, StringBuilder field, boolean started) {
    if (!started && record.isEmpty()) {
      return;
    }
    record.add(field.toString());
    field.setLength(0);
    records.add(record);
  }
}
