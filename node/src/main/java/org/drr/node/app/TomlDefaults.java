package org.drr.node.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.apache.tuweni.toml.Toml;
import org.apache.tuweni.toml.TomlArray;
import org.apache.tuweni.toml.TomlParseResult;
import picocli.CommandLine;

/**
 * Option defaults from a TOML config file, Besu-style: each top-level key is an option's long name
 * without dashes ({@code data-path="/var/drr"}, {@code rpc-http-port=8545}). Command-line options
 * win over the file; unknown keys are an error so that typos do not pass silently.
 */
final class TomlDefaults implements CommandLine.IDefaultValueProvider {
  private final Path file;
  private final TomlParseResult toml;

  TomlDefaults(Path file) {
    this.file = file;
    try {
      this.toml = Toml.parse(file);
    } catch (IOException e) {
      throw new CommandLine.ParameterException(
          new CommandLine(new NodeCommand()), "cannot read --config-file " + file + ": " + e.getMessage());
    }
    if (toml.hasErrors()) {
      throw new IllegalArgumentException(
          "config file " + file + " is not valid TOML: "
              + toml.errors().stream().map(Object::toString).collect(Collectors.joining("; ")));
    }
  }

  /** Throws if the file has keys that are not options of {@code spec}. */
  void checkKeys(CommandLine.Model.CommandSpec spec) {
    for (String key : toml.keySet()) {
      if (spec.findOption("--" + key) == null) {
        throw new IllegalArgumentException("config file " + file + " has unknown option '" + key + "'");
      }
    }
  }

  @Override
  public String defaultValue(CommandLine.Model.ArgSpec argSpec) {
    if (!(argSpec instanceof CommandLine.Model.OptionSpec option)) {
      return null;
    }
    String key = option.longestName().replaceFirst("^--", "");
    if (!toml.contains(key)) {
      return null;
    }
    Object value = toml.get(key);
    if (value instanceof TomlArray array) {
      return array.toList().stream().map(Object::toString).collect(Collectors.joining(","));
    }
    return String.valueOf(value);
  }
}
