package org.drr.node.rlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

class RlpReaderTest {
  private static RlpReader reader(String hex) {
    return RlpReader.of(Bytes.fromHexString(hex));
  }

  private static RlpException.Kind failure(String hex) {
    return assertThrows(RlpException.class, () -> Rlp.decodeItem(Bytes.fromHexString(hex))).kind();
  }

  @Test
  void readsListsAndScalars() {
    RlpReader r = reader("c6827a77c10401");
    RlpReader list = r.readList();
    assertEquals("7a77", list.readBytes().toUnprefixedHexString());
    RlpReader inner = list.readList();
    assertEquals(4, inner.readInt());
    inner.requireEnd();
    assertEquals(1L, list.readLong());
    assertFalse(list.hasNext());
    r.requireEnd();
  }

  @Test
  void readsIntegersOfEveryWidth() {
    assertEquals(0, reader("80").readInt());
    assertEquals(-1L, reader("88ffffffffffffffff").readUnsignedLong());
    assertEquals(UInt256.valueOf(100000), reader("830186a0").readUInt256());
    assertEquals(
        BigInteger.TWO.pow(256),
        reader("a1010000000000000000000000000000000000000000000000000000000000000000")
            .readBigInteger());
    assertEquals(
        RlpException.Kind.VALUE_TOO_LARGE,
        assertThrows(RlpException.class, () -> reader("88ffffffffffffffff").readLong()).kind());
    assertEquals(
        RlpException.Kind.VALUE_TOO_LARGE,
        assertThrows(RlpException.class, () -> reader("8480000000").readInt()).kind());
  }

  @Test
  void rejectsLeadingZerosInIntegersButNotInStrings() {
    assertEquals(
        RlpException.Kind.LEADING_ZERO_IN_SCALAR,
        assertThrows(RlpException.class, () -> reader("820001").readLong()).kind());
    assertEquals(
        RlpException.Kind.LEADING_ZERO_IN_SCALAR,
        assertThrows(RlpException.class, () -> reader("00").readUInt256()).kind());
    assertEquals("0001", reader("820001").readBytes().toUnprefixedHexString());
  }

  @Test
  void rejectsEachNonCanonicalForm() {
    assertEquals(RlpException.Kind.NON_CANONICAL_SINGLE_BYTE, failure("8105"));
    assertEquals(RlpException.Kind.NON_CANONICAL_LONG_FORM, failure("b801ff"));
    assertEquals(RlpException.Kind.NON_CANONICAL_LONG_FORM, failure("f80180"));
    assertEquals(RlpException.Kind.LEADING_ZERO_IN_LENGTH, failure("b800"));
    assertEquals(RlpException.Kind.LENGTH_BEYOND_INPUT, failure("83646f"));
    assertEquals(RlpException.Kind.LENGTH_BEYOND_INPUT, failure("bf0f000000000000021111"));
    assertEquals(RlpException.Kind.TRAILING_BYTES, failure("8000"));
    assertEquals(RlpException.Kind.UNEXPECTED_END, failure(""));
    assertEquals(RlpException.Kind.UNEXPECTED_END, failure("b9"));
    // An item inside a list may not reach past the list's end even if the input goes on.
    assertEquals(RlpException.Kind.LENGTH_BEYOND_INPUT, failure("c28300000000"));
  }

  @Test
  void typedReadsCheckShape() {
    assertEquals(
        RlpException.Kind.EXPECTED_LIST,
        assertThrows(RlpException.class, () -> reader("80").readList()).kind());
    assertEquals(
        RlpException.Kind.EXPECTED_STRING,
        assertThrows(RlpException.class, () -> reader("c0").readBytes()).kind());
    assertEquals(
        RlpException.Kind.WRONG_SIZE,
        assertThrows(RlpException.class, () -> reader("820102").readBytes32()).kind());
  }

  @Test
  void rawAndSkipCoverWholeItems() {
    RlpReader r = reader("c3c10102" + "83646f67");
    assertTrue(r.nextIsList());
    assertEquals("c3c10102", r.readRaw().toUnprefixedHexString());
    r.skip();
    assertFalse(r.hasNext());
  }

  @Test
  void treeRoundTrips() {
    Bytes input = Bytes.fromHexString("c7c0c1c0c3c0c1c0");
    RlpItem tree = Rlp.decodeItem(input);
    RlpWriter w = new RlpWriter();
    tree.writeTo(w);
    assertEquals(input, w.toBytes());
  }
}
