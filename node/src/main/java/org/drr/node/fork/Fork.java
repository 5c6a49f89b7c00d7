package org.drr.node.fork;

import java.util.Locale;

/**
 * Ethereum protocol forks in activation order. Rules are compared with {@link #isAtLeast}, never
 * by equality, so that a rule introduced in one fork stays in force in every later one.
 *
 * <p>A fork's rule set is the previous fork's plus named EIP steps (see the EVM's opcode table
 * and gas constants, each tagged with its EIP); adding a fork is adding a constant here and its
 * steps there.
 */
public enum Fork {
  FRONTIER,
  HOMESTEAD,
  TANGERINE_WHISTLE,
  SPURIOUS_DRAGON,
  BYZANTIUM,
  CONSTANTINOPLE,
  PETERSBURG,
  ISTANBUL,
  BERLIN,
  LONDON,
  PARIS,
  SHANGHAI,
  CANCUN,
  PRAGUE;

  /** The newest fork this node executes. */
  public static final Fork LATEST_SUPPORTED = CANCUN;

  public boolean isAtLeast(Fork other) {
    return compareTo(other) >= 0;
  }

  public boolean isBefore(Fork other) {
    return compareTo(other) < 0;
  }

  /**
   * Parses a fork name as the reference tests and genesis files spell it ("Cancun",
   * "TangerineWhistle", "Merge"/"Paris", …), case-insensitively.
   *
   * @throws IllegalArgumentException naming the unknown fork
   */
  public static Fork fromName(String name) {
    String key = name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    return switch (key) {
      case "frontier" -> FRONTIER;
      case "homestead" -> HOMESTEAD;
      case "tangerinewhistle", "eip150" -> TANGERINE_WHISTLE;
      case "spuriousdragon", "eip158" -> SPURIOUS_DRAGON;
      case "byzantium" -> BYZANTIUM;
      case "constantinople" -> CONSTANTINOPLE;
      case "petersburg", "constantinoplefix" -> PETERSBURG;
      case "istanbul" -> ISTANBUL;
      case "berlin" -> BERLIN;
      case "london" -> LONDON;
      case "paris", "merge" -> PARIS;
      case "shanghai" -> SHANGHAI;
      case "cancun" -> CANCUN;
      case "prague" -> PRAGUE;
      default -> throw new IllegalArgumentException("unknown fork name: " + name);
    };
  }
}
