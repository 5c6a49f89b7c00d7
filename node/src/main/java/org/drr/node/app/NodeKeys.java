package org.drr.node.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.crypto.KeyPair;
import org.drr.node.crypto.PrivateKey;

/**
 * The node key file, in Besu's format: the 32-byte secp256k1 private key as hex (0x optional).
 * A missing file is created with a fresh key, readable only by its owner. The key is never
 * printed; only its address is.
 */
public final class NodeKeys {
  private NodeKeys() {}

  public static KeyPair loadOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        String hex = Files.readString(file, StandardCharsets.US_ASCII).trim();
        Bytes raw;
        try {
          raw = Bytes.fromHexString(hex);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("node key file " + file + " does not hold hex", e);
        }
        if (raw.size() != 32) {
          throw new IllegalArgumentException(
              "node key file " + file + " holds " + raw.size() + " bytes; a private key is 32");
        }
        return KeyPair.of(PrivateKey.of(Bytes32.wrap(raw)));
      }
      KeyPair key = KeyPair.random(new SecureRandom());
      Files.createDirectories(file.toAbsolutePath().getParent());
      createOwnerOnly(file);
      Files.writeString(file, key.privateKey().secret().toHexString(), StandardCharsets.US_ASCII);
      return key;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read or create node key file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Creates the empty file readable and writable by its owner only, before the key is written:
   * setting the permissions afterwards would leave the key readable by others for a moment.
   */
  private static void createOwnerOnly(Path file) throws IOException {
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(file); // not a POSIX file system: its default permissions apply
    }
  }
}
