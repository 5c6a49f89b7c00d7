package org.drr.node.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.drr.node.crypto.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeKeysTest {
  @TempDir Path dir;

  @Test
  void aMissingKeyIsCreatedOwnerOnlyAndLoadedBackUnchanged() throws Exception {
    Path file = dir.resolve("keys/node.key");
    KeyPair created = NodeKeys.loadOrCreate(file);
    assertEquals("rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    String hex = Files.readString(file);
    assertEquals(66, hex.length(), "0x and 32 bytes of hex");
    assertFalse(hex.contains("\n"));
    assertEquals(created.address(), NodeKeys.loadOrCreate(file).address());
  }

  @Test
  void aFileThatIsNotAKeyIsRefusedAndLeftAsItIs() throws Exception {
    Path notHex = Files.writeString(dir.resolve("a.key"), "not a key");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> NodeKeys.loadOrCreate(notHex));
    assertTrue(e.getMessage().contains("does not hold hex"), e.getMessage());
    Path shortKey = Files.writeString(dir.resolve("b.key"), "0x" + "ab".repeat(31));
    e = assertThrows(IllegalArgumentException.class, () -> NodeKeys.loadOrCreate(shortKey));
    assertTrue(e.getMessage().contains("holds 31 bytes; a private key is 32"), e.getMessage());
    assertEquals("not a key", Files.readString(notHex));
  }
}
