package org.drr.cli.chain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.drr.contracts.RevertDecoder;
import org.web3j.utils.Numeric;

/**
 * Revert data → one line, via the contracts' {@link RevertDecoder}, with registry codes named
 * ({@code CrossBorderForbidden(assetId=1, fromRegion=GD, toRegion=HK, reason=CORE)} rather than
 * {@code …fromRegion=0, toRegion=1, reason=2}).
 */
public final class RevertLines implements RevertDescriber {
  private final RevertDecoder decoder = RevertDecoder.fromClasspath();

  @Override
  public String describe(String revertData) {
    return decoder.decode(revertData).map(RevertLines::line)
        .orElseGet(() -> decoder.describe(revertData));
  }

  private static String line(RevertDecoder.DecodedError error) {
    List<String> args = new ArrayList<>();
    for (RevertDecoder.Argument a : error.arguments()) {
      String text = a.text();
      if (a.type().startsWith("uint") && text.matches("[0-9]+")) {
        text = RegistryCodes.label(error.name(), a.name(), new BigInteger(text)).orElse(text);
      } else if (a.type().equals("bytes32") && a.name().toLowerCase(Locale.ROOT).contains("sector")) {
        text = Sectors.decode(Numeric.hexStringToByteArray(text));
      }
      args.add(a.name().isEmpty() ? text : a.name() + "=" + text);
    }
    return error.name() + "(" + String.join(", ", args) + ")";
  }
}
