package org.drr.cli.account;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.drr.cli.DrrException;
import org.web3j.crypto.exception.CipherException;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Wallet;
import org.web3j.crypto.WalletFile;
import org.web3j.protocol.ObjectMapperFactory;

/**
 * A folder of Web3j V3 encrypted keystore files, one per account, named {@code <name>.json}.
 *
 * <p>The account name is the file name; the address comes from the file. Private keys exist in
 * memory only between {@link #unlock} and the end of the process, and are never printed.
 */
public final class Keystore {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final String SUFFIX = ".json";

  /** One account in the keystore. */
  public record Entry(String name, String address, Path file) {}

  private final Path dir;
  private final ObjectMapper json = ObjectMapperFactory.getObjectMapper();

  public Keystore(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /** Checks an account name: lower-case letters, digits, '.', '_', '-'; at most 64 characters. */
  public static String checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw DrrException.badInput(
          "invalid account name '" + name + "': use lower-case letters, digits, '.', '_' or '-'"
              + " (at most 64, starting with a letter or digit)");
    }
    return name;
  }

  /**
   * Encrypts {@code keyPair} under {@code password} into {@code <name>.json}.
   *
   * @throws DrrException bad input if the name is invalid, taken, or the address already has an
   *     account here
   */
  public Entry create(String name, ECKeyPair keyPair, char[] password, Kdf kdf) {
    checkName(name);
    String address = "0x" + Keys.getAddress(keyPair);
    for (Entry existing : list()) {
      if (existing.address().equalsIgnoreCase(address)) {
        throw DrrException.badInput(
            "address " + address + " is already in the keystore as '" + existing.name() + "'");
      }
    }
    Path file = dir.resolve(name + SUFFIX);
    try {
      WalletFile wallet =
          kdf == Kdf.LIGHT
              ? Wallet.createLight(new String(password), keyPair)
              : Wallet.createStandard(new String(password), keyPair);
      Files.createDirectories(dir);
      byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(wallet);
      Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      restrictToOwner(file);
    } catch (FileAlreadyExistsException e) {
      throw DrrException.badInput("account '" + name + "' already exists: " + file);
    } catch (CipherException | IOException e) {
      throw new DrrException(
          org.drr.cli.ExitCode.INTERNAL, "cannot write keystore file " + file + ": " + e, e);
    }
    return new Entry(name, Keys.toChecksumAddress(address), file);
  }

  /** Every account, sorted by name. A missing folder is an empty keystore. */
  public List<Entry> list() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Entry> entries = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files.sorted()::iterator) {
        String fileName = file.getFileName().toString();
        if (!fileName.endsWith(SUFFIX)) {
          continue;
        }
        WalletFile wallet = readWallet(file);
        String name = fileName.substring(0, fileName.length() - SUFFIX.length());
        entries.add(new Entry(name, Keys.toChecksumAddress("0x" + wallet.getAddress()), file));
      }
    } catch (IOException e) {
      throw DrrException.badInput("cannot read keystore folder " + dir + ": " + e.getMessage());
    }
    return entries;
  }

  /**
   * Finds an account by name or by address.
   *
   * @throws DrrException auth if there is no such account
   */
  public Entry find(String nameOrAddress) {
    boolean byAddress = ADDRESS.matcher(nameOrAddress).matches();
    if (!byAddress && nameOrAddress.startsWith("0x")) {
      throw DrrException.badInput("malformed address '" + nameOrAddress
          + "': expected 0x followed by 40 hex digits");
    }
    String wanted = nameOrAddress.toLowerCase(Locale.ROOT);
    for (Entry entry : list()) {
      if (byAddress ? entry.address().equalsIgnoreCase(wanted) : entry.name().equals(wanted)) {
        return entry;
      }
    }
    throw DrrException.auth("unknown account '" + nameOrAddress + "' in keystore " + dir
        + " (see 'drr account list')");
  }

  /**
   * Decrypts an account. The password array is wiped afterwards.
   *
   * @throws DrrException auth on a wrong password
   */
  public Credentials unlock(Entry entry, char[] password) {
    try {
      WalletFile wallet = readWallet(entry.file());
      return Credentials.create(Wallet.decrypt(new String(password), wallet));
    } catch (CipherException e) {
      throw DrrException.auth("wrong password for account '" + entry.name() + "' ("
          + entry.address() + ")");
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private WalletFile readWallet(Path file) {
    try {
      WalletFile wallet = json.readValue(file.toFile(), WalletFile.class);
      if (wallet.getAddress() == null || wallet.getCrypto() == null) {
        throw DrrException.badInput("not a V3 keystore file: " + file);
      }
      return wallet;
    } catch (IOException e) {
      throw DrrException.badInput("not a V3 keystore file: " + file + " (" + e.getMessage() + ")");
    }
  }

  private static void restrictToOwner(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Non-POSIX file systems keep their default permissions; the file is still encrypted.
    }
  }
}
