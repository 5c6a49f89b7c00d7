package org.drr.cli.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Optional;
import org.drr.cli.DrrException;
import org.junit.jupiter.api.Test;

class RegistryCodesTest {
  @Test
  void codesAreNamedByParameterAndContext() {
    assertEquals(Optional.of("HK"), RegistryCodes.label("CrossBorderForbidden", "toRegion",
        BigInteger.ONE));
    assertEquals(Optional.of("CORE"), RegistryCodes.label("CrossBorderForbidden", "reason",
        BigInteger.TWO));
    assertEquals(Optional.of("REVOKED"), RegistryCodes.label("GrantNotValid", "reason",
        BigInteger.TWO));
    assertEquals(Optional.of("GD|MO"), RegistryCodes.label("GrantIssued", "regions",
        BigInteger.valueOf(5)));
    assertEquals(Optional.empty(), RegistryCodes.label("AssetRegistered", "assetId",
        BigInteger.ONE));
    assertEquals(Optional.empty(), RegistryCodes.label("X", "region", BigInteger.valueOf(7)));
  }

  @Test
  void sectorsRoundTripAsBytes32() {
    byte[] encoded = Sectors.encode("finance");
    assertEquals(32, encoded.length);
    assertEquals("finance", Sectors.decode(encoded));
    byte[] notText = new byte[32];
    notText[31] = 1;
    assertEquals("0x" + "00".repeat(31) + "01", Sectors.decode(notText));
    assertThrows(DrrException.class, () -> Sectors.encode("Finance!"));
  }
}
