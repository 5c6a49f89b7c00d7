package org.drr.cli.account;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.drr.cli.DrrException;
import org.drr.cli.output.Terminal;

/**
 * Reads keystore passwords: the first line of a password file if one is given, otherwise a
 * prompt on the terminal without echo. Never from the command line, where it would end up in
 * the shell history and the process list.
 */
public final class PasswordSource {
  private final Path file;

  /** @param file the password file, or {@code null} to prompt */
  public PasswordSource(Path file) {
    this.file = file;
  }

  /** The password for an existing account. */
  public char[] read(String prompt) {
    if (file != null) {
      return fromFile();
    }
    Console console = terminal();
    char[] password = console.readPassword("%s", prompt);
    if (password == null) {
      throw DrrException.auth("no password entered");
    }
    return password;
  }

  /** A new password: from the file, or prompted twice and compared. Empty is refused. */
  public char[] readNew(String prompt) {
    char[] password;
    if (file != null) {
      password = fromFile();
    } else {
      Console console = terminal();
      password = console.readPassword("%s", prompt);
      char[] again = console.readPassword("Repeat: ");
      if (password == null || again == null || !Arrays.equals(password, again)) {
        throw DrrException.auth("the two passwords differ");
      }
      Arrays.fill(again, '\0');
    }
    if (password.length == 0) {
      throw DrrException.auth("empty password refused");
    }
    return password;
  }

  private char[] fromFile() {
    try {
      List<String> lines = Files.readAllLines(file);
      return lines.isEmpty() ? new char[0] : lines.get(0).toCharArray();
    } catch (NoSuchFileException e) {
      throw DrrException.badInput("password file not found: " + file);
    } catch (IOException e) {
      throw DrrException.badInput("cannot read password file " + file + ": " + e.getMessage());
    }
  }

  private static Console terminal() {
    Console console = System.console();
    if (console == null || !Terminal.isInteractive()) {
      throw DrrException.auth("no terminal to prompt for a password: pass --password-file FILE");
    }
    return console;
  }
}
