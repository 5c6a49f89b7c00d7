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
   * Address → checksummed hex, bytes → 0x hex, integers → BigInteger (or the code's name, see
   * {@link RegistryCodes}), bool, string, arrays → lists.
   *
   * @param context the event or error the value belongs to
   * @param param the parameter's name
   */
  static Object plain(Type<?> value, String context, String param) {
    if (value instanceof Address a) {
      return Keys.toChecksumAddress(a.getValue());
    }
    if (value instanceof BytesType b) {
      if (param.toLowerCase(java.util.Locale.ROOT).contains("sector")) {
        return Sectors.decode(b.getValue());
      }
      return Numeric.toHexString(b.getValue());
    }
    if (value instanceof NumericType n) {
      return RegistryCodes.label(context, param, n.getValue()).<Object>map(s -> s)
          .orElse(n.getValue());
    }
    if (value instanceof Bool b) {
      return b.getValue();
    }
    if (value instanceof Utf8String s) {
      return s.getValue();
    }
    if (value instanceof Array<?> array) {
      List<Object> items = array.getValue().stream()
          .map(v -> plain((Type<?>) v, context, param)).toList();
      return items;
    }
    return String.valueOf(value.getValue());
  }
}
