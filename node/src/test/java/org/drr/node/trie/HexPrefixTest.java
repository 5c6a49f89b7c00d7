package org.drr.node.trie;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class HexPrefixTest {
  private static void roundTrip(String nibbles, boolean leaf, String encoded) {
    byte[] path = new byte[nibbles.length()];
    for (int i = 0; i < path.length; i++) {
      path[i] = (byte) Character.digit(nibbles.charAt(i), 16);
    }
    byte[] actual = HexPrefix.encode(path, leaf);
    assertEquals(encoded, Bytes.wrap(actual).toHexString());
    HexPrefix.Path decoded = HexPrefix.decode(actual, 0, actual.length);
    assertArrayEquals(path, decoded.nibbles());
    assertEquals(leaf, decoded.leaf());
  }

  @Test
  void encodesTheFourFlagCombinations() {
    roundTrip("12345", false, "0x112345");
    roundTrip("012345", false, "0x00012345");
    roundTrip("0f1cb8", true, "0x200f1cb8");
    roundTrip("f1cb8", true, "0x3f1cb8");
    roundTrip("", true, "0x20");
    roundTrip("", false, "0x00");
  }

  @Test
  void refusesBadFlagsAndPadding() {
    MalformedNodeException flag =
        assertThrows(MalformedNodeException.class, () -> HexPrefix.decode(new byte[] {0x41}, 0, 1));
    assertTrue(flag.getMessage().contains("flag nibble is 4"), flag.getMessage());
    MalformedNodeException padding =
        assertThrows(MalformedNodeException.class, () -> HexPrefix.decode(new byte[] {0x25}, 0, 1));
    assertTrue(padding.getMessage().contains("padding"), padding.getMessage());
    assertThrows(MalformedNodeException.class, () -> HexPrefix.decode(new byte[0], 0, 0));
  }
}
