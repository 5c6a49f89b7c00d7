package org.drr.node.rlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

class RlpWriterTest {
  private static String hex(RlpWriter w) {
    return w.toBytes().toUnprefixedHexString();
  }

  @Test
  void encodesStringsByLength() {
    assertEquals("80", hex(new RlpWriter().writeBytes(Bytes.EMPTY)));
    assertEquals("00", hex(new RlpWriter().writeBytes(Bytes.of(0))));
    assertEquals("7f", hex(new RlpWriter().writeBytes(Bytes.of(0x7f))));
    assertEquals("8180", hex(new RlpWriter().writeBytes(Bytes.of(0x80))));
    assertEquals("83646f67", hex(new RlpWriter().writeBytes("dog".getBytes())));
    Bytes fiftyFive = Bytes.wrap(new byte[55]);
    assertEquals(
        "b7" + fiftyFive.toUnprefixedHexString(), hex(new RlpWriter().writeBytes(fiftyFive)));
    Bytes fiftySix = Bytes.wrap(new byte[56]);
    assertEquals(
        "b838" + fiftySix.toUnprefixedHexString(), hex(new RlpWriter().writeBytes(fiftySix)));
    Bytes big = Bytes.wrap(new byte[1024]);
    assertEquals("b90400", hex(new RlpWriter().writeBytes(big)).substring(0, 6));
  }

  @Test
  void encodesIntegersMinimally() {
    assertEquals("80", hex(new RlpWriter().writeLong(0)));
    assertEquals("01", hex(new RlpWriter().writeLong(1)));
    assertEquals("7f", hex(new RlpWriter().writeLong(127)));
    assertEquals("8180", hex(new RlpWriter().writeLong(128)));
    assertEquals("8203e8", hex(new RlpWriter().writeLong(1000)));
    assertEquals("88ffffffffffffffff", hex(new RlpWriter().writeUnsignedLong(-1)));
    assertEquals("80", hex(new RlpWriter().writeUInt256(UInt256.ZERO)));
    assertEquals("830186a0", hex(new RlpWriter().writeUInt256(UInt256.valueOf(100000))));
    assertEquals("820100", hex(new RlpWriter().writeBigInteger(BigInteger.valueOf(256))));
    assertThrows(IllegalArgumentException.class, () -> new RlpWriter().writeLong(-1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new RlpWriter().writeBigInteger(BigInteger.ONE.negate()));
  }

  @Test
  void encodesNestedListsShortAndLong() {
    RlpWriter w = new RlpWriter(16);
    w.startList()
        .startList()
        .startList()
        .endList()
        .startList()
        .endList()
        .endList()
        .startList()
        .endList()
        .endList();
    assertEquals("c4c2c0c0c0", hex(w));

    RlpWriter longList = new RlpWriter(4);
    longList.startList();
    for (int i = 0; i < 20; i++) {
      longList.writeBytes("abc".getBytes());
    }
    longList.endList();
    // 20 items of 4 bytes: an 80-byte payload needs the long form f850.
    assertEquals("f850", hex(longList).substring(0, 4));
    assertEquals(82, longList.size());
    assertEquals("83616263", hex(longList).substring(4, 12));
  }

  @Test
  void refusesUnbalancedLists() {
    assertThrows(IllegalStateException.class, () -> new RlpWriter().endList());
    assertThrows(IllegalStateException.class, () -> new RlpWriter().startList().toBytes());
  }

  @Test
  void resetReusesTheBuffer() {
    RlpWriter w = new RlpWriter();
    w.writeLong(5);
    w.reset();
    w.writeLong(6);
    assertEquals("06", hex(w));
  }
}
