package org.drr.cli.chain;

import java.util.List;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Array;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.BytesType;
import org.web3j.abi.datatypes.NumericType;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

/** Converts decoded ABI values into plain Java values for printing and JSON. */
final class AbiValues {
  private AbiValues() {}

  /**
   * Address → checksummed hex, bytes → 0x hex, integers → BigInteger (or an enum's member name
   * when {@code internalType} names a registry enum), bool, string, arrays → lists.
   */
  static Object plain(Type<?> value, String internalType) {
    if (value instanceof Address a) {
      return Keys.toChecksumAddress(a.getValue());
    }
    if (value instanceof BytesType b) {
      return Numeric.toHexString(b.getValue());
    }
    if (value instanceof NumericType n) {
      return RegistryEnums.name(internalType, n.getValue()).<Object>map(s -> s).orElse(n.getValue());
    }
    if (value instanceof Bool b) {
      return b.getValue();
    }
    if (value instanceof Utf8String s) {
      return s.getValue();
    }
    if (value instanceof Array<?> array) {
      String element = internalType.endsWith("[]")
          ? internalType.substring(0, internalType.length() - 2)
          : internalType;
      List<Object> items = array.getValue().stream()
          .map(v -> plain((Type<?>) v, element)).toList();
      return items;
    }
    return String.valueOf(value.getValue());
  }
}
