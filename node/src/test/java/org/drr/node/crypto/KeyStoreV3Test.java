package org.drr.node.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class KeyStoreV3Test {
  private static final PrivateKey KEY = PrivateKey.of(Bytes32.fromHexString("22".repeat(32)));
  // Small scrypt cost: this test proves the format, not the hardness.
  private static final KeyStoreV3.ScryptParams CHEAP = new KeyStoreV3.ScryptParams(16, 8, 1);

  @Test
  void encryptsAndDecrypts() {
    String json = KeyStoreV3.encrypt(KEY, "correct horse", CHEAP, new SecureRandom());
    assertFalse(json.contains("22222222"), "the key must not appear in clear");
    assertEquals(KEY, KeyStoreV3.decrypt(json, "correct horse"));
  }

  @Test
  void wrongPasswordIsAMacMismatch() {
    String json = KeyStoreV3.encrypt(KEY, "correct horse", CHEAP, new SecureRandom());
    KeyStoreException e =
        assertThrows(KeyStoreException.class, () -> KeyStoreV3.decrypt(json, "battery staple"));
    assertEquals(KeyStoreException.Kind.WRONG_PASSWORD, e.kind());
    assertEquals("wrong password or corrupted keystore (MAC mismatch)", e.getMessage());
  }

  @Test
  void refusesUnsupportedAndMalformedFiles() {
    String json = KeyStoreV3.encrypt(KEY, "pw", CHEAP, new SecureRandom());
    assertEquals(
        KeyStoreException.Kind.UNSUPPORTED,
        assertThrows(
                KeyStoreException.class,
                () -> KeyStoreV3.decrypt(json.replace("aes-128-ctr", "aes-128-cbc"), "pw"))
            .kind());
    assertEquals(
        KeyStoreException.Kind.UNSUPPORTED,
        assertThrows(
                KeyStoreException.class,
                () -> KeyStoreV3.decrypt(json.replace("\"version\":3", "\"version\":1"), "pw"))
            .kind());
    assertEquals(
        KeyStoreException.Kind.MALFORMED,
        assertThrows(KeyStoreException.class, () -> KeyStoreV3.decrypt("{not json", "pw")).kind());
    String otherAddress =
        json.replaceFirst(
            "\"address\":\"[0-9a-f]{40}\"", "\"address\":\"" + "ab".repeat(20) + "\"");
    assertEquals(
        KeyStoreException.Kind.ADDRESS_MISMATCH,
        assertThrows(KeyStoreException.class, () -> KeyStoreV3.decrypt(otherAddress, "pw")).kind());
  }
}
