package org.drr.cli.command;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.drr.cli.DrrException;
import org.drr.cli.ExitCode;
import org.drr.cli.account.Kdf;
import org.drr.cli.account.Keystore;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drr account}: create, import and list keystore accounts. */
@Command(name = "account", description = "Create, import and list signing accounts (V3 keystores).")
public final class AccountCommand extends CommandSupport {
  private static final Pattern PRIVATE_KEY = Pattern.compile("(0x)?[0-9a-fA-F]{64}");

  @Command(name = "new", description = "Create a new account with a fresh key.")
  int create(
      @Parameters(paramLabel = "NAME", description = "Account name (the keystore file name).")
          String name,
      @Option(names = "--kdf", defaultValue = "STANDARD", paramLabel = "STANDARD|LIGHT",
          description = "scrypt cost; LIGHT only for dev/test keys (default: ${DEFAULT-VALUE}).")
          Kdf kdf) {
    Keystore.checkName(name);
    ECKeyPair keyPair;
    try {
      keyPair = Keys.createEcKeyPair();
    } catch (InvalidAlgorithmParameterException | NoSuchAlgorithmException
        | NoSuchProviderException e) {
      throw new DrrException(ExitCode.INTERNAL, "cannot generate a key: " + e, e);
    }
    return store(name, keyPair, kdf);
  }

  @Command(name = "import", description = "Import an existing private key (hex) into the keystore.")
  int importKey(
      @Parameters(paramLabel = "NAME", description = "Account name (the keystore file name).")
          String name,
      @Option(names = "--private-key-file", required = true, paramLabel = "FILE|-",
          description = "File holding the hex private key, or '-' for stdin. Never argv.")
          String keyFile,
      @Option(names = "--kdf", defaultValue = "STANDARD", paramLabel = "STANDARD|LIGHT",
          description = "scrypt cost; LIGHT only for dev/test keys (default: ${DEFAULT-VALUE}).")
          Kdf kdf) {
    Keystore.checkName(name);
    String hex = readKey(keyFile);
    if (!PRIVATE_KEY.matcher(hex).matches()) {
      // Deliberately does not echo the content: it may be a key with a typo.
      throw DrrException.badInput("the private key in " + describe(keyFile)
          + " is not 64 hex digits (optionally 0x-prefixed)");
    }
    BigInteger secret = new BigInteger(hex.startsWith("0x") ? hex.substring(2) : hex, 16);
    if (secret.signum() == 0) {
      throw DrrException.badInput("the private key in " + describe(keyFile) + " is zero");
    }
    return store(name, ECKeyPair.create(secret), kdf);
  }

  @Command(name = "list", description = "List the accounts in the keystore.")
  int list() {
    List<Map<String, ?>> rows = session().keystore().list().stream()
        .<Map<String, ?>>map(e -> row(e))
        .toList();
    session().out().table(List.of("name", "address", "file"), rows);
    return ExitCode.OK;
  }

  private int store(String name, ECKeyPair keyPair, Kdf kdf) {
    char[] password = session().passwords().readNew("Password for the new account " + name + ": ");
    Keystore.Entry entry = session().keystore().create(name, keyPair, password, kdf);
    java.util.Arrays.fill(password, '\0');
    session().out().record(row(entry));
    return ExitCode.OK;
  }

  private static Map<String, Object> row(Keystore.Entry entry) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", entry.name());
    row.put("address", entry.address());
    row.put("file", entry.file().toString());
    return row;
  }

  private static String readKey(String keyFile) {
    try {
      if ("-".equals(keyFile)) {
        InputStream in = System.in;
        return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
      }
      return Files.readString(Path.of(keyFile), StandardCharsets.US_ASCII).strip();
    } catch (NoSuchFileException e) {
      throw DrrException.badInput("private key file not found: " + keyFile);
    } catch (IOException e) {
      throw DrrException.badInput("cannot read private key from " + describe(keyFile) + ": "
          + e.getMessage());
    }
  }

  private static String describe(String keyFile) {
    return "-".equals(keyFile) ? "stdin" : keyFile;
  }
}
