package org.drr.cli.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.drr.cli.DrrException;
import org.web3j.utils.Numeric;

/**
 * SHA-256 fingerprints, computed locally: the file never leaves this machine, only its 32-byte
 * digest goes on chain ("数据可用不可见").
 */
public final class Fingerprints {
  private static final int BUFFER = 1 << 16;

  private Fingerprints() {}

  /** The SHA-256 of a file's bytes, streamed, as 0x-prefixed lower-case hex. */
  public static String ofFile(String option, Path file) {
    Inputs.existingFile(option, file);
    MessageDigest sha = sha256();
    byte[] buffer = new byte[BUFFER];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        sha.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw DrrException.badInput("cannot read " + file + " for " + option + ": " + e.getMessage());
    }
    return Numeric.toHexString(sha.digest());
  }

  /** The SHA-256 of a UTF-8 text, e.g. canonical metadata. */
  public static String ofText(String text) {
    return Numeric.toHexString(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }
}
