package org.drr.node.consensus.qbft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.crypto.KeyPair;
import org.drr.node.crypto.Secp256k1;
import org.drr.node.crypto.Signature;
import org.drr.node.types.Address;
import org.junit.jupiter.api.Test;

class QbftExtraDataCodecTest {
  // Besu's documented QBFT genesis extraData for one validator (docs "Create a QBFT network"
  // shape: vanity, [validator], empty vote, round 0 as the empty scalar 0x80, no seals).
  private static final String BESU_GENESIS_EXTRA =
      "0xf83aa00000000000000000000000000000000000000000000000000000000000000000"
          + "d594c2ab482b506de561668e07f04547232a72897dafc080c0";

  @Test
  void genesisExtraDataMatchesBesusEncoding() {
    Address validator = Address.fromHexString("0xc2ab482b506de561668e07f04547232a72897daf");
    Bytes encoded = QbftExtraDataCodec.encode(QbftExtraData.genesis(List.of(validator)));
    assertEquals(BESU_GENESIS_EXTRA, encoded.toHexString());
    QbftExtraData decoded = QbftExtraDataCodec.decode(Bytes.fromHexString(BESU_GENESIS_EXTRA));
    assertEquals(List.of(validator), decoded.validators());
    assertEquals(0, decoded.round());
    assertTrue(decoded.vote().isEmpty());
  }

  @Test
  void roundTripsVotesRoundsAndSeals() {
    KeyPair key = KeyPair.random(new SecureRandom());
    Signature seal = Secp256k1.sign(Bytes32.random(), key.privateKey());
    for (boolean add : new boolean[] {true, false}) {
      QbftExtraData data =
          new QbftExtraData(
              Bytes32.random(),
              List.of(key.address(), Address.fromHexString("0x00000000000000000000000000000000000000aa")),
              Optional.of(new QbftExtraData.Vote(key.address(), add)),
              7,
              List.of(seal, seal));
      Bytes encoded = QbftExtraDataCodec.encode(data);
      assertEquals(data, QbftExtraDataCodec.decode(encoded));
    }
  }

  @Test
  void voteEncodingIsFfForAddAndEmptyForDrop() {
    Address a = Address.fromHexString("0x00000000000000000000000000000000000000aa");
    QbftExtraData add =
        new QbftExtraData(Bytes32.ZERO, List.of(), Optional.of(new QbftExtraData.Vote(a, true)), 0, List.of());
    String hex = QbftExtraDataCodec.encode(add).toUnprefixedHexString();
    assertTrue(hex.contains("d794" + a.toHexString().substring(2) + "81ff"), hex);
    QbftExtraData drop =
        new QbftExtraData(Bytes32.ZERO, List.of(), Optional.of(new QbftExtraData.Vote(a, false)), 0, List.of());
    assertTrue(QbftExtraDataCodec.encode(drop).toUnprefixedHexString().contains("d694" + a.toHexString().substring(2) + "80"));
  }

  @Test
  void formsDropSealsAndRound() {
    KeyPair key = KeyPair.random(new SecureRandom());
    Signature seal = Secp256k1.sign(Bytes32.random(), key.privateKey());
    QbftExtraData data =
        new QbftExtraData(Bytes32.ZERO, List.of(key.address()), Optional.empty(), 3, List.of(seal));
    QbftExtraData noSeals =
        QbftExtraDataCodec.decode(QbftExtraDataCodec.encode(data, QbftExtraDataCodec.Form.WITHOUT_SEALS));
    assertEquals(3, noSeals.round());
    assertEquals(List.of(), noSeals.seals());
    QbftExtraData noRound =
        QbftExtraDataCodec.decode(
            QbftExtraDataCodec.encode(data, QbftExtraDataCodec.Form.WITHOUT_SEALS_AND_ROUND));
    assertEquals(0, noRound.round());
    assertEquals(List.of(), noRound.seals());
  }

  @Test
  void rejectsMalformedExtraData() {
    assertThrows(InvalidExtraDataException.class, () -> QbftExtraDataCodec.decode(Bytes.EMPTY));
    // 31-byte vanity
    String shortVanity = "0xf8399f" + "00".repeat(31) + "d594c2ab482b506de561668e07f04547232a72897dafc080c0";
    InvalidExtraDataException e =
        assertThrows(
            InvalidExtraDataException.class, () -> QbftExtraDataCodec.decode(Bytes.fromHexString(shortVanity)));
    assertTrue(e.getMessage().contains("32"), e.getMessage());
    // round with a leading zero byte (non-canonical scalar)
    String badRound = "0xf83ba0" + "00".repeat(32) + "d594c2ab482b506de561668e07f04547232a72897dafc08100c0";
    assertThrows(InvalidExtraDataException.class, () -> QbftExtraDataCodec.decode(Bytes.fromHexString(badRound)));
    // a seal of 64 bytes
    String badSeal = "0xf87ba0" + "00".repeat(32) + "d594c2ab482b506de561668e07f04547232a72897dafc080f841b840" + "11".repeat(64);
    assertThrows(InvalidExtraDataException.class, () -> QbftExtraDataCodec.decode(Bytes.fromHexString(badSeal)));
  }
}
