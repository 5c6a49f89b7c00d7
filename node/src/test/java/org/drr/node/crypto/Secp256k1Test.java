package org.drr.node.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.drr.node.types.Address;
import org.junit.jupiter.api.Test;

class Secp256k1Test {
  private static final PrivateKey COW =
      PrivateKey.of(
          Bytes32.fromHexString(
              "c85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4"));
  private static final Bytes32 EMPTY_HASH = Keccak256.hash(Bytes.EMPTY);

  private static Signature sig(String r, String s, int recoveryId) {
    return new Signature(
        UInt256.valueOf(new BigInteger(r)), UInt256.valueOf(new BigInteger(s)), recoveryId);
  }

  @Test
  void derivesTheKnownAddress() {
    // BasicTests/keyaddrtest.json, seed "cow".
    assertEquals(
        Address.fromHexString("0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826"),
        KeyPair.of(COW).address());
  }

  @Test
  void signsDeterministicallyWithLowS() {
    Signature first = Secp256k1.sign(EMPTY_HASH, COW);
    assertEquals(first, Secp256k1.sign(EMPTY_HASH, COW));
    assertTrue(first.isLowS());
    assertEquals(
        Optional.of(KeyPair.of(COW).address()), Secp256k1.recoverAddress(EMPTY_HASH, first));
  }

  @Test
  void reproducesTheEip155ExampleSignature() {
    // EIP-155's worked example: key 0x4646..46 signs the hash of the example transaction.
    PrivateKey key = PrivateKey.of(Bytes32.fromHexString("46".repeat(32)));
    Bytes32 hash =
        Bytes32.fromHexString("daf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53");
    assertEquals(
        sig(
            "18515461264373351373200002665853028612451056578545711640558177340181847433846",
            "46948507304638947509940763649030358759909902576025900602547168820602576006531",
            0),
        Secp256k1.sign(hash, key));
  }

  @Test
  void recoversAKnownSignature() {
    // go-ethereum crypto/signature_test.go: testmsg, testsig and testpubkey.
    Bytes32 hash =
        Bytes32.fromHexString("ce0677bb30baa8cf067c88db9811f4333d131bf8bcf12fe7065d211dce971008");
    Bytes sig =
        Bytes.fromHexString(
            "90f27b8b488db00b00606796d2987f6a5f59ae62ea05effe84fef5b8b0e54998"
                + "4a691139ad57a3f0b906637673aa2f63d1f55cb1a69199d4009eea23ceaddc93");
    Signature signature =
        Signature.of(Bytes32.wrap(sig.slice(0, 32)), Bytes32.wrap(sig.slice(32, 32)), 1);
    Bytes expected =
        Bytes.fromHexString(
            "e32df42865e97135acfb65f3bae71bdc86f4d49150ad6a440b6f15878109880a"
                + "0a2b2667f7e725ceea70c673093bf67663e0312623c8e091b13cf2c0f11ef652");
    assertEquals(Optional.of(expected), Secp256k1.recoverPublicKey(hash, signature));
    assertEquals(Optional.of(expected), BouncyCastleSecp256k1.recoverPublicKey(hash, signature));
  }

  @Test
  void invalidSignaturesRecoverNothing() {
    Signature good = Secp256k1.sign(EMPTY_HASH, COW);
    for (Signature bad :
        new Signature[] {
          new Signature(UInt256.ZERO, good.s(), 0),
          new Signature(good.r(), UInt256.ZERO, 0),
          new Signature(Signature.N, good.s(), 0),
          new Signature(good.r(), Signature.N, 0),
          new Signature(good.r(), good.s(), 2),
          // x = 5 is not the x coordinate of any curve point (5^3 + 7 is a non-residue).
          new Signature(UInt256.valueOf(5), good.s(), 0)
        }) {
      assertEquals(Optional.empty(), Secp256k1.recoverPublicKey(EMPTY_HASH, bad), bad.toString());
      assertEquals(
          Optional.empty(),
          BouncyCastleSecp256k1.recoverPublicKey(EMPTY_HASH, bad),
          bad.toString());
      assertThrows(
          InvalidSignatureException.class, () -> Secp256k1.recoverAddressOrThrow(EMPTY_HASH, bad));
    }
  }

  @Test
  void highSStillRecoversForTheFlippedParity() {
    Signature low = Secp256k1.sign(EMPTY_HASH, COW);
    Signature high = new Signature(low.r(), Signature.N.subtract(low.s()), 1 - low.recoveryId());
    assertFalse(high.isLowS());
    assertEquals(
        Secp256k1.recoverAddress(EMPTY_HASH, low), Secp256k1.recoverAddress(EMPTY_HASH, high));
  }

  @Test
  void nativeAndBouncyCastleAgreeOnRandomKeys() {
    SecureRandom random = new SecureRandom(new byte[] {1});
    for (int i = 0; i < 20; i++) {
      KeyPair pair = KeyPair.random(random);
      Bytes32 hash = Keccak256.hash(Bytes.ofUnsignedInt(i));
      Signature signature = Secp256k1.sign(hash, pair.privateKey());
      assertEquals(Optional.of(pair.publicKey()), Secp256k1.recoverPublicKey(hash, signature));
      assertEquals(
          Optional.of(pair.publicKey()), BouncyCastleSecp256k1.recoverPublicKey(hash, signature));
    }
  }

  @Test
  void privateKeysAreNeverPrinted() {
    assertEquals("PrivateKey[redacted]", COW.toString());
    assertFalse(KeyPair.of(COW).toString().contains("c85ef7d7"));
    assertThrows(IllegalArgumentException.class, () -> PrivateKey.of(Bytes32.ZERO));
  }
}
