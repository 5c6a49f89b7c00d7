package org.drr.node.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class LogsBloomTest {
  private static int bitCount(LogsBloom bloom) {
    int n = 0;
    for (int i = 0; i < LogsBloom.SIZE; i++) {
      n += Integer.bitCount(bloom.bytes().get(i) & 0xff);
    }
    return n;
  }

  @Test
  void setsThreeBitsPerValueAndFindsThem() {
    Address address = Address.fromHexString("0x0000000000000000000000000000000000000011");
    LogsBloom bloom = new LogsBloom.Builder().add(address.bytes()).build();
    assertTrue(bitCount(bloom) >= 1 && bitCount(bloom) <= 3);
    assertTrue(bloom.mayContain(address.bytes()));
    assertFalse(LogsBloom.EMPTY.mayContain(address.bytes()));
  }

  @Test
  void logBloomIsTheUnionOfItsAddressAndTopics() {
    Log log = new Log(Address.ZERO, List.of(Bytes32.leftPad(Bytes.of(1))), Bytes.EMPTY);
    LogsBloom bloom = LogsBloom.of(List.of(log));
    assertTrue(bloom.mayContain(Address.ZERO.bytes()));
    assertTrue(bloom.mayContain(Bytes32.leftPad(Bytes.of(1))));
    assertEquals(bloom, LogsBloom.EMPTY.or(bloom));
    assertEquals(
        bloom,
        new LogsBloom.Builder()
            .or(new LogsBloom.Builder().add(Address.ZERO.bytes()).build())
            .add(Bytes32.leftPad(Bytes.of(1)))
            .build());
  }
}
