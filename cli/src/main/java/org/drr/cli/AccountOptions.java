package org.drr.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Which keystore account signs, and where its password comes from. */
public final class AccountOptions {
  @Option(
      names = "--keystore",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      defaultValue = "${env:DRR_HOME:-${sys:user.home}/.drr}/keystore",
      description = "Folder of V3 keystore files, one per account name (default: ${DEFAULT-VALUE}).")
  Path keystore;

  @Option(
      names = "--from",
      scope = ScopeType.INHERIT,
      paramLabel = "NAME|ADDRESS",
      defaultValue = "${env:DRR_FROM}",
      description = "Account that signs transactions and is msg.sender of calls "
          + "(default: $DRR_FROM).")
  String from;

  @Option(
      names = "--password-file",
      scope = ScopeType.INHERIT,
      paramLabel = "FILE",
      description = "Read the keystore password from the first line of FILE instead of prompting. "
          + "If absent and $DRR_HOME/password exists (the dev chain writes one), that is used.")
  Path passwordFile;

  public Path keystore() {
    return keystore;
  }

  public String from() {
    return from;
  }

  public Path passwordFile() {
    return passwordFile;
  }
}
