package org.drr.node.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.crypto.Keccak256;
import org.drr.node.rlp.RlpReader;
import org.drr.node.rlp.RlpWriter;
import org.junit.jupiter.api.Test;

class LogTest {
  private static final Log LOG =
      new Log(
          Address.precompile(0x10),
          List.of(Bytes32.leftPad(Bytes.of(1)), Bytes32.leftPad(Bytes.of(2))),
          Bytes.fromHexString("0xcafe"));

  @Test
  void roundTripsAndHashesAsAList() {
    RlpWriter writer = new RlpWriter();
    Log.writeList(List.of(LOG, LOG), writer);
    Bytes encoded = writer.toBytes();
    assertEquals(List.of(LOG, LOG), Log.readList(RlpReader.of(encoded)));
    assertEquals(Keccak256.hash(encoded), Log.hashOf(List.of(LOG, LOG)));
  }

  @Test
  void refusesMoreThanFourTopics() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Log(Address.ZERO, Collections.nCopies(5, Bytes32.ZERO), Bytes.EMPTY));
  }
}
