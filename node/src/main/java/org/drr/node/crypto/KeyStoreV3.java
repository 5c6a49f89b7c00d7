package org.drr.node.crypto;

import static org.drr.node.crypto.KeyStoreException.Kind.ADDRESS_MISMATCH;
import static org.drr.node.crypto.KeyStoreException.Kind.MALFORMED;
import static org.drr.node.crypto.KeyStoreException.Kind.UNSUPPORTED;
import static org.drr.node.crypto.KeyStoreException.Kind.WRONG_PASSWORD;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.drr.node.types.Address;

/**
 * Web3 Secret Storage (keystore version 3): AES-128-CTR encryption of a private key under a key
 * derived from a password with scrypt or PBKDF2-HMAC-SHA256, authenticated by mac =
 * keccak(derivedKey[16..32] ‖ ciphertext). The MAC is checked before anything is decrypted, so a
 * wrong password is reported as such and yields nothing.
 */
public final class KeyStoreV3 {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** scrypt cost parameters; {@link #STANDARD} is geth's default, {@link #LIGHT} its light one. */
  public record ScryptParams(int n, int r, int p) {
    public static final ScryptParams STANDARD = new ScryptParams(1 << 18, 8, 1);
    public static final ScryptParams LIGHT = new ScryptParams(1 << 12, 8, 6);
  }

  private KeyStoreV3() {}

  /** Decrypts a keystore given as JSON text. */
  public static PrivateKey decrypt(String json, String password) {
    try {
      return decrypt(JSON.readTree(json), password);
    } catch (JsonProcessingException e) {
      throw new KeyStoreException(
          MALFORMED, "keystore is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * @throws KeyStoreException WRONG_PASSWORD on a MAC mismatch; UNSUPPORTED or MALFORMED for a file
   *     this cannot read; ADDRESS_MISMATCH if the key is not the declared address's
   */
  public static PrivateKey decrypt(JsonNode keystore, String password) {
    int version = keystore.path("version").asInt(-1);
    if (version != 3) {
      throw new KeyStoreException(
          UNSUPPORTED, "keystore version must be 3; got " + keystore.path("version"));
    }
    JsonNode crypto = keystore.has("crypto") ? keystore.get("crypto") : keystore.path("Crypto");
    String cipher = text(crypto, "cipher");
    if (!cipher.equals("aes-128-ctr")) {
      throw new KeyStoreException(UNSUPPORTED, "cipher must be aes-128-ctr; got " + cipher);
    }
    byte[] iv = hex(crypto.path("cipherparams"), "iv");
    byte[] ciphertext = hex(crypto, "ciphertext");
    byte[] mac = hex(crypto, "mac");
    byte[] derived = deriveKey(crypto, password.getBytes(StandardCharsets.UTF_8));
    if (derived.length < 32) {
      throw new KeyStoreException(MALFORMED, "dklen must be at least 32; got " + derived.length);
    }
    byte[] expectedMac = mac(derived, ciphertext);
    if (!MessageDigest.isEqual(expectedMac, mac)) {
      throw new KeyStoreException(
          WRONG_PASSWORD, "wrong password or corrupted keystore (MAC mismatch)");
    }
    byte[] plain = aesCtr(Cipher.DECRYPT_MODE, derived, iv, ciphertext);
    if (plain.length != 32) {
      throw new KeyStoreException(MALFORMED, "decrypted key is " + plain.length + " bytes, not 32");
    }
    PrivateKey key;
    try {
      key = PrivateKey.of(Bytes32.wrap(plain));
    } catch (IllegalArgumentException e) {
      throw new KeyStoreException(MALFORMED, "decrypted value is not a valid private key", e);
    }
    if (keystore.hasNonNull("address")) {
      Address declared = Address.fromHexString(keystore.get("address").asText());
      Address actual = KeyPair.of(key).address();
      if (!declared.equals(actual)) {
        throw new KeyStoreException(
            ADDRESS_MISMATCH, "keystore declares " + declared + " but the key is " + actual);
      }
    }
    return key;
  }

  /** Encrypts {@code key} under {@code password} with scrypt; returns the keystore JSON. */
  public static String encrypt(
      PrivateKey key, String password, ScryptParams params, SecureRandom random) {
    byte[] salt = new byte[32];
    byte[] iv = new byte[16];
    random.nextBytes(salt);
    random.nextBytes(iv);
    byte[] derived =
        Scrypt.derive(
            password.getBytes(StandardCharsets.UTF_8),
            salt,
            params.n(),
            params.r(),
            params.p(),
            32);
    byte[] ciphertext = aesCtr(Cipher.ENCRYPT_MODE, derived, iv, key.secret().toArray());
    ObjectNode root = JSON.createObjectNode();
    root.put("version", 3);
    root.put("id", UUID.randomUUID().toString());
    root.put("address", KeyPair.of(key).address().toHexString().substring(2));
    ObjectNode crypto = root.putObject("crypto");
    crypto.put("cipher", "aes-128-ctr");
    crypto.putObject("cipherparams").put("iv", Bytes.wrap(iv).toUnprefixedHexString());
    crypto.put("ciphertext", Bytes.wrap(ciphertext).toUnprefixedHexString());
    crypto.put("kdf", "scrypt");
    ObjectNode kdf = crypto.putObject("kdfparams");
    kdf.put("dklen", 32).put("n", params.n()).put("r", params.r()).put("p", params.p());
    kdf.put("salt", Bytes.wrap(salt).toUnprefixedHexString());
    crypto.put("mac", Bytes.wrap(mac(derived, ciphertext)).toUnprefixedHexString());
    return root.toString();
  }

  private static byte[] deriveKey(JsonNode crypto, byte[] password) {
    String kdf = text(crypto, "kdf");
    JsonNode params = crypto.path("kdfparams");
    byte[] salt = hex(params, "salt");
    int dklen = integer(params, "dklen");
    return switch (kdf) {
      case "scrypt" -> {
        int n = integer(params, "n");
        if (n < 2 || (n & (n - 1)) != 0) {
          throw new KeyStoreException(MALFORMED, "scrypt n must be a power of 2 above 1; got " + n);
        }
        yield Scrypt.derive(password, salt, n, integer(params, "r"), integer(params, "p"), dklen);
      }
      case "pbkdf2" -> {
        String prf = text(params, "prf");
        if (!prf.equals("hmac-sha256")) {
          throw new KeyStoreException(UNSUPPORTED, "pbkdf2 prf must be hmac-sha256; got " + prf);
        }
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
        generator.init(password, salt, integer(params, "c"));
        yield ((KeyParameter) generator.generateDerivedParameters(dklen * 8)).getKey();
      }
      default ->
          throw new KeyStoreException(UNSUPPORTED, "kdf must be scrypt or pbkdf2; got " + kdf);
    };
  }

  private static byte[] mac(byte[] derived, byte[] ciphertext) {
    byte[] preimage = new byte[16 + ciphertext.length];
    System.arraycopy(derived, 16, preimage, 0, 16);
    System.arraycopy(ciphertext, 0, preimage, 16, ciphertext.length);
    return Keccak256.hash(preimage, 0, preimage.length);
  }

  private static byte[] aesCtr(int mode, byte[] derived, byte[] iv, byte[] input) {
    if (iv.length != 16) {
      throw new KeyStoreException(MALFORMED, "aes-128-ctr iv must be 16 bytes; got " + iv.length);
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
      cipher.init(mode, new SecretKeySpec(derived, 0, 16, "AES"), new IvParameterSpec(iv));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-128-CTR unavailable in this JDK", e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new KeyStoreException(MALFORMED, "keystore field '" + field + "' missing or not text");
    }
    return value.asText();
  }

  private static int integer(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.canConvertToInt() || value.asInt() <= 0) {
      throw new KeyStoreException(
          MALFORMED, "keystore field '" + field + "' missing or not a positive integer: " + value);
    }
    return value.asInt();
  }

  private static byte[] hex(JsonNode node, String field) {
    String text = text(node, field);
    try {
      return Bytes.fromHexString(text).toArrayUnsafe();
    } catch (IllegalArgumentException e) {
      throw new KeyStoreException(MALFORMED, "keystore field '" + field + "' is not hex", e);
    }
  }
}
