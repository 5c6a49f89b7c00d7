package org.drr.node.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.drr.node.crypto.KeyPair;
import org.drr.node.crypto.PrivateKey;
import org.drr.node.rlp.Rlp;
import org.junit.jupiter.api.Test;

class TransactionDecoderTest {
  private static final PrivateKey KEY = PrivateKey.of(Bytes32.fromHexString("46".repeat(32)));
  private static final Address TO = Address.fromHexString("0x" + "35".repeat(20));

  // EIP-155's worked example, signed with key 0x4646..46 for chain 1.
  private static final Bytes EIP155_EXAMPLE =
      Bytes.fromHexString(
          "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a7640000"
              + "8025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f"
              + "761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83");

  @Test
  void decodesAndReproducesTheEip155Example() {
    LegacyTransaction tx =
        assertInstanceOf(LegacyTransaction.class, TransactionDecoder.decode(EIP155_EXAMPLE));
    assertEquals(9, tx.nonce());
    assertEquals(OptionalLong.of(1), tx.chainId());
    assertEquals(37, tx.v());
    assertEquals(
        Bytes32.fromHexString("daf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53"),
        tx.signingHash());
    assertEquals(KeyPair.of(KEY).address(), tx.sender());
    LegacyTransaction unsigned =
        new LegacyTransaction(
            9,
            UInt256.valueOf(20_000_000_000L),
            21000,
            Optional.of(TO),
            UInt256.valueOf(1_000_000_000_000_000_000L),
            Bytes.EMPTY,
            OptionalLong.of(1),
            TransactionSigner.UNSIGNED);
    assertEquals(EIP155_EXAMPLE, TransactionSigner.sign(unsigned, KEY).encoded());
  }

  @Test
  void roundTripsTypedTransactions() {
    AccessListEntry entry =
        new AccessListEntry(TO, List.of(Bytes32.ZERO, Bytes32.leftPad(Bytes.of(1))));
    Transaction accessList =
        TransactionSigner.sign(
            new AccessListTransaction(
                7,
                0,
                UInt256.valueOf(5),
                50_000,
                Optional.empty(),
                UInt256.ZERO,
                Bytes.fromHexString("0x6000"),
                List.of(entry),
                TransactionSigner.UNSIGNED),
            KEY);
    Transaction eip1559 =
        TransactionSigner.sign(
            new Eip1559Transaction(
                7,
                3,
                UInt256.ONE,
                UInt256.valueOf(10),
                60_000,
                Optional.of(TO),
                UInt256.ONE,
                Bytes.EMPTY,
                List.of(),
                TransactionSigner.UNSIGNED),
            KEY);
    for (Transaction tx : List.of(accessList, eip1559)) {
      assertEquals(tx.type().code(), tx.encoded().get(0));
      Transaction decoded = TransactionDecoder.decode(tx.encoded());
      assertEquals(tx, decoded);
      assertEquals(KeyPair.of(KEY).address(), decoded.sender());
      // The block-body form wraps the typed encoding in an RLP string.
      assertEquals(tx, TransactionDecoder.decode(Rlp.encodeBytes(tx.encoded())));
    }
  }

  @Test
  void refusesBlobAndUnknownTypesByName() {
    InvalidTransactionException blob =
        assertThrows(
            InvalidTransactionException.class,
            () -> TransactionDecoder.decode(Bytes.fromHexString("0x03c0")));
    assertEquals(InvalidTransactionException.Reason.UNSUPPORTED_TYPE, blob.reason());
    assertTrue(blob.getMessage().contains("type 3 (EIP-4844 blob)"), blob.getMessage());
    InvalidTransactionException unknown =
        assertThrows(
            InvalidTransactionException.class,
            () -> TransactionDecoder.decode(Bytes.fromHexString("0x7ec0")));
    assertTrue(unknown.getMessage().contains("0x7e"), unknown.getMessage());
    InvalidTransactionException setCode =
        assertThrows(
            InvalidTransactionException.class,
            () -> TransactionDecoder.decode(Bytes.fromHexString("0x04c0")));
    assertTrue(setCode.getMessage().contains("type 4"), setCode.getMessage());
    // A refused type whose body is not even one RLP list is malformed first.
    assertEquals(
        InvalidTransactionException.Reason.MALFORMED_RLP,
        assertThrows(
                InvalidTransactionException.class,
                () -> TransactionDecoder.decode(Bytes.fromHexString("0x0301")))
            .reason());
  }

  @Test
  void refusesMalformedInput() {
    assertEquals(
        InvalidTransactionException.Reason.MALFORMED_RLP,
        assertThrows(
                InvalidTransactionException.class, () -> TransactionDecoder.decode(Bytes.EMPTY))
            .reason());
    Bytes trailing = Bytes.concatenate(EIP155_EXAMPLE, Bytes.of(0));
    assertEquals(
        InvalidTransactionException.Reason.MALFORMED_RLP,
        assertThrows(InvalidTransactionException.class, () -> TransactionDecoder.decode(trailing))
            .reason());
    // A legacy transaction with v = 1 is an unprotected, invalid signature.
    Bytes vOne =
        Bytes.fromHexString("0xdf030182c73894b94f5374fce5edbc8e2a8697c15331677e6ebf0b0a80018080");
    assertEquals(
        InvalidTransactionException.Reason.INVALID_SIGNATURE,
        assertThrows(InvalidTransactionException.class, () -> TransactionDecoder.decode(vOne))
            .reason());
  }

  @Test
  void effectiveGasPriceIsCappedByMaxFee() {
    Eip1559Transaction tx =
        new Eip1559Transaction(
            1,
            0,
            UInt256.valueOf(2),
            UInt256.valueOf(10),
            21000,
            Optional.of(TO),
            UInt256.ZERO,
            Bytes.EMPTY,
            List.of(),
            TransactionSigner.UNSIGNED);
    assertEquals(UInt256.valueOf(7), tx.effectiveGasPrice(UInt256.valueOf(5)));
    assertEquals(UInt256.valueOf(10), tx.effectiveGasPrice(UInt256.valueOf(9)));
    assertEquals(UInt256.valueOf(2), tx.effectiveGasPrice(UInt256.ZERO));
  }
}
