package org.drr.cli.command;

import java.math.BigInteger;
import org.drr.cli.DrrException;
import org.drr.cli.chain.RegistryCodes;
import org.drr.cli.input.Hashes;
import org.drr.cli.input.Inputs;
import org.drr.contracts.generated.RightsRegistry;
import org.web3j.utils.Numeric;
import picocli.CommandLine.Option;

/**
 * The scope and terms of a grant: where (regions), when (validity window), on what terms
 * (terms document hash, base price + scenario premium) and whether it may be sub-licensed.
 * For a sub-license, unset options default to the parent's scope.
 */
public final class GrantTermsOptions {
  @Option(names = "--regions", paramLabel = "GD,HK,MO", split = ",",
      description = "Regions the right may be used in.")
  String[] regions;

  @Option(names = "--valid-from", paramLabel = "TIME",
      description = "Start (ISO-8601 or Unix seconds; default: the latest block's time).")
  String validFrom;

  @Option(names = "--valid-until", paramLabel = "TIME", description = "End, exclusive.")
  String validUntil;

  @Option(names = "--terms", required = true, paramLabel = "FILE|0xHASH",
      description = "Licence terms document (hashed locally) or its hash.")
  String terms;

  @Option(names = "--base-price", defaultValue = "0", paramLabel = "AMOUNT",
      description = "Base price (default: ${DEFAULT-VALUE}).")
  String basePrice;

  @Option(names = "--scenario-premium", defaultValue = "0", paramLabel = "AMOUNT",
      description = "Scenario premium on top of the base price (default: ${DEFAULT-VALUE}).")
  String scenarioPremium;

  @Option(names = "--sublicensable", description = "The grantee may sub-license.")
  boolean sublicensable;

  @Option(names = "--max-depth", paramLabel = "N",
      description = "How many sub-licence levels may hang below (1-8; default 1 when "
          + "--sublicensable, else 0).")
  Integer maxDepth;

  /**
   * Checked terms. {@code parent} (nullable) supplies defaults for a sub-license; {@code now}
   * is the latest block's time.
   */
  RightsRegistry.GrantTerms check(RightsRegistry.Grant parent, BigInteger now) {
    int mask;
    if (regions != null) {
      mask = 0;
      for (String region : regions) {
        mask |= 1 << Inputs.member("region", region.strip(), RegistryCodes.REGIONS);
      }
    } else if (parent != null) {
      mask = parent.regions.intValue();
    } else {
      throw DrrException.badInput("--regions is required (e.g. --regions GD,HK)");
    }
    BigInteger from = validFrom != null ? Inputs.time("--valid-from", validFrom)
        : parent != null ? now.max(parent.validFrom) : now;
    BigInteger until;
    if (validUntil != null) {
      until = Inputs.time("--valid-until", validUntil);
    } else if (parent != null) {
      until = parent.validUntil;
    } else {
      throw DrrException.badInput("--valid-until is required (e.g. 2030-01-01T00:00:00Z)");
    }
    if (until.compareTo(from) <= 0) {
      throw DrrException.badInput("--valid-until " + until + " is not after --valid-from " + from);
    }
    int depth = maxDepth != null ? maxDepth : sublicensable ? 1 : 0;
    if (sublicensable ? depth < 1 || depth > 8 : depth != 0) {
      throw DrrException.badInput("--max-depth " + depth + " does not fit"
          + (sublicensable ? " --sublicensable (1 to 8)" : " a grant without --sublicensable (0)"));
    }
    return new RightsRegistry.GrantTerms(BigInteger.valueOf(mask), from, until,
        Numeric.hexStringToByteArray(Hashes.fileOrHash("--terms", terms)),
        Inputs.uint("--base-price", basePrice), Inputs.uint("--scenario-premium", scenarioPremium),
        sublicensable, BigInteger.valueOf(depth));
  }
}
