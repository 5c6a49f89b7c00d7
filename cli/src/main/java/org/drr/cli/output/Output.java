package org.drr.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * Prints command results: aligned key/value blocks and tables for people, or JSON for scripts
 * ({@code --json}). Results go to stdout; notes and progress go to stderr so that stdout stays
 * parseable.
 *
 * <p>Values are rendered with {@link String#valueOf}; in JSON, numbers stay numbers and lists
 * and maps nest.
 */
public final class Output {
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean json;
  private final ObjectMapper mapper =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public Output(PrintWriter out, PrintWriter err, boolean json) {
    this.out = out;
    this.err = err;
    this.json = json;
  }

  public boolean json() {
    return json;
  }

  /** One result object: "key  value" lines, or a JSON object. */
  public void record(Map<String, ?> fields) {
    if (json) {
      printJson(fields);
      return;
    }
    int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0);
    for (Map.Entry<String, ?> field : fields.entrySet()) {
      out.println(pad(field.getKey() + ":", width + 1) + "  " + render(field.getValue()));
    }
    out.flush();
  }

  /** A list of results: an aligned table with the given columns, or a JSON array. */
  public void table(List<String> columns, List<? extends Map<String, ?>> rows) {
    if (json) {
      printJson(rows);
      return;
    }
    Table table = new Table(columns);
    for (Map<String, ?> row : rows) {
      table.add(columns.stream().map(c -> render(row.get(c))).toList());
    }
    table.print(out);
    out.flush();
  }

  /** Any value as JSON, in JSON mode; ignored otherwise. */
  public void printJson(Object value) {
    try {
      out.println(mapper.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render result as JSON: " + e.getMessage(), e);
    }
    out.flush();
  }

  /** A line for people on stdout; suppressed under {@code --json} so stdout stays JSON. */
  public void line(String text) {
    if (!json) {
      out.println(text);
      out.flush();
    }
  }

  /** A note on stderr (warnings, what is happening). */
  public void note(String text) {
    err.println(text);
    err.flush();
  }

  /** A progress bar on stderr, drawn only when stderr is a terminal. */
  public ProgressBar progress(String label, long total) {
    return new ProgressBar(err, label, total, Terminal.isInteractive());
  }

  static String render(Object value) {
    if (value == null) {
      return "-";
    }
    if (value instanceof List<?> list) {
      return list.isEmpty()
          ? "-"
          : String.join(", ", list.stream().map(Output::render).toList());
    }
    return String.valueOf(value);
  }

  static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
