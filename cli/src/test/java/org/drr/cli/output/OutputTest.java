package org.drr.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private Output output(boolean json) {
    return new Output(new PrintWriter(out), new PrintWriter(err), json);
  }

  private static Map<String, Object> asset(int id, String title) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", BigInteger.valueOf(id));
    row.put("title", title);
    row.put("parents", List.of());
    return row;
  }

  @Test
  void humanTableAlignsColumns() {
    output(false).table(List.of("id", "title", "parents"),
        List.of(asset(1, "Port logistics"), asset(12, "Tolls")));
    assertEquals("""
        ID  TITLE           PARENTS
        1   Port logistics  -
        12  Tolls           -
        """, out.toString());
  }

  @Test
  void humanRecordAlignsKeys() {
    output(false).record(asset(7, "Tolls"));
    assertEquals("""
        id:       7
        title:    Tolls
        parents:  -
        """, out.toString());
  }

  @Test
  void jsonKeepsNumbersAndLists() {
    Output o = output(true);
    o.record(asset(7, "Tolls"));
    o.line("not in json mode");
    assertEquals("{\"id\":7,\"title\":\"Tolls\",\"parents\":[]}",
        out.toString().replaceAll("\\s", ""));
  }

  @Test
  void progressBarIsSilentWithoutATerminal() {
    try (ProgressBar bar = new ProgressBar(new PrintWriter(err), "import", 10, false)) {
      bar.update(5);
    }
    assertEquals("", err.toString());
  }
}
