package org.drr.cli.chain;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Member names of the registry's Solidity enums, in declaration order, so that decoded values
 * print as {@code HK} rather than {@code 1}. The ABI carries only {@code uint8} and the enum's
 * name ({@code internalType "enum Types.Region"}), not its members.
 */
public final class RegistryEnums {
  private static final Map<String, List<String>> MEMBERS = Map.of(
      "Region", List.of("GD", "HK", "MO"),
      "Kind", List.of("ENTERPRISE", "EXCHANGE", "AUTHORITY", "COURT", "MEDIATOR", "AUDITOR"),
      "Category", List.of("PUBLIC", "ENTERPRISE", "PERSONAL"),
      "Classification", List.of("GENERAL", "IMPORTANT", "CORE"),
      "Right", List.of("HOLD", "USE", "OPERATE"));

  private RegistryEnums() {}

  /** The member name for {@code value} of the enum named in {@code internalType}, if known. */
  public static Optional<String> name(String internalType, BigInteger value) {
    if (internalType == null || !internalType.startsWith("enum ")) {
      return Optional.empty();
    }
    String enumName = internalType.substring(internalType.lastIndexOf('.') + 1);
    if (enumName.startsWith("enum ")) {
      enumName = enumName.substring("enum ".length());
    }
    List<String> members = MEMBERS.get(enumName);
    if (members == null || value.signum() < 0 || value.compareTo(BigInteger.valueOf(members.size())) >= 0) {
      return Optional.empty();
    }
    return Optional.of(members.get(value.intValueExact()));
  }
}
