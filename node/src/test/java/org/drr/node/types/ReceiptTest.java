package org.drr.node.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class ReceiptTest {
  private static final Log LOG =
      new Log(Address.precompile(7), List.of(Bytes32.ZERO), Bytes.fromHexString("0xabcd"));

  @Test
  void legacyReceiptIsABareListAndTypedOnesArePrefixed() {
    Receipt legacy = Receipt.of(TransactionType.LEGACY, true, 21000, List.of(LOG));
    Bytes encoded = legacy.encode();
    assertEquals(0xf9, encoded.get(0) & 0xff);
    assertEquals(legacy, Receipt.decode(encoded));

    Receipt typed = Receipt.of(TransactionType.EIP1559, false, 50000, List.of());
    assertEquals(2, typed.encode().get(0));
    assertEquals(typed, Receipt.decode(typed.encode()));
    assertEquals(LogsBloom.EMPTY, typed.bloom());
  }

  @Test
  void refusesBlobReceiptsByType() {
    Bytes blob =
        Bytes.concatenate(
            Bytes.of(3), Receipt.of(TransactionType.LEGACY, true, 1, List.of()).encode());
    UnsupportedTransactionTypeException e =
        assertThrows(UnsupportedTransactionTypeException.class, () -> Receipt.decode(blob));
    assertEquals(3, e.type());
  }

  @Test
  void logsHashOfNoLogsIsKeccakOfEmptyList() {
    assertEquals(
        Bytes32.fromHexString("0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347"),
        Log.hashOf(List.of()));
  }
}
