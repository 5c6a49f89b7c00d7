package org.drr.node.rlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** RlpArrays writes what RlpWriter writes, at every boundary of RLP's length forms. */
class RlpArraysTest {
  private static final int[] LENGTHS = {0, 1, 2, 55, 56, 255, 256, 65_535, 65_536, 70_000};

  @Test
  void stringsMatchRlpWriter() {
    for (int n : LENGTHS) {
      for (byte fill : new byte[] {0x00, 0x7F, (byte) 0x80, (byte) 0xFF}) {
        byte[] value = new byte[n];
        Arrays.fill(value, fill);
        byte[] expected = new RlpWriter().writeBytes(value).toByteArray();
        assertEquals(expected.length, RlpArrays.stringLength(value), n + " bytes of " + fill);
        byte[] out = new byte[expected.length + 2];
        assertEquals(1 + expected.length, RlpArrays.putString(out, 1, value));
        assertArrayEquals(expected, Arrays.copyOfRange(out, 1, 1 + expected.length), n + " bytes of " + fill);
      }
    }
  }

  @Test
  void listHeadersMatchRlpWriter() {
    for (int payload : LENGTHS) {
      byte[] items = new byte[payload];
      Arrays.fill(items, (byte) 0x01); // `payload` one-byte items
      RlpWriter writer = new RlpWriter().startList();
      for (byte item : items) {
        writer.writeBytes(new byte[] {item});
      }
      byte[] expected = writer.endList().toByteArray();
      assertEquals(expected.length, RlpArrays.listLength(payload), "payload " + payload);
      byte[] out = new byte[RlpArrays.listLength(payload)];
      int at = RlpArrays.putListHeader(out, 0, payload);
      System.arraycopy(items, 0, out, at, payload);
      assertEquals(out.length, at + payload);
      assertArrayEquals(expected, out, "payload " + payload);
    }
  }
}
