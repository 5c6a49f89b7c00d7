package org.drr.cli.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
  @Test
  void quotedFieldsHoldCommasQuotesAndNewlines() {
    String text = "title,scenario\r\n\"Port, Shenzhen\",\"say \"\"hi\"\"\nthere\"\n\nplain,\n";
    assertEquals(List.of(
            List.of("title", "scenario"),
            List.of("Port, Shenzhen", "say \"hi\"\nthere"),
            List.of("plain", "")),
        Csv.parse(text));
  }

  @Test
  void lastLineWithoutNewlineCounts() {
    assertEquals(List.of(List.of("a", "b"), List.of("1", "2")), Csv.parse("a,b\n1,2"));
  }

  @Test
  void unterminatedQuoteNamesItsLine() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Csv.parse("a\n\"open,\n"));
    assertEquals("unterminated quoted field starting on line 2", e.getMessage());
  }
}
