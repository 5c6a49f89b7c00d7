package org.drr.node.evm.precompile;

import static org.drr.node.evm.precompile.Hex.bytes;
import static org.drr.node.evm.precompile.Hex.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.drr.node.fork.Fork;
import org.junit.jupiter.api.Test;

/**
 * Signatures made with a separate pure-Python secp256k1 (fixed nonces) by the private keys 1 and
 * 2, whose addresses are well known: 0x7e5f…5bdf and 0x2b5a…d6cf.
 */
class EcRecoverTest {
  private static final Precompile ECRECOVER = Precompiles.forAddress(1, Fork.CANCUN);
  private static final String KEY1_ADDRESS =
      "0000000000000000000000007e5f4552091a69125d5dfcb7b8c2659029395bdf";
  private static final String KEY2_ADDRESS =
      "0000000000000000000000002b5ad5c4795c026514f8317c7a215e218dccd6cf";
  private static final String HASH1 =
      "1111111111111111111111111111111111111111111111111111111111111111";
  private static final String R1 =
      "d47644539acec3da5e3ecf5fe8863c628a9c97e8b71e9ea9167a6f4f83c03c32";
  private static final String S1 =
      "a18c6295174ca5f312f492d0cacda7fa6be50ca193bc034073d551e8a493cb4e";
  private static final String N =
      "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";

  private static String word(long value) {
    return String.format("%064x", value);
  }

  @Test
  void recoversTheSigner() {
    assertEquals(KEY1_ADDRESS, hex(ECRECOVER.run(bytes(HASH1 + word(27) + R1 + S1))));
    assertEquals(
        KEY2_ADDRESS,
        hex(ECRECOVER.run(bytes(
            word(0xff) + word(28)
                + "12faae608bd6562562b8f85564664cd1fdcd667f6b24b2b221ef86b9231f4d74"
                + "070ada65b52dfbb0f286909bb87e92fcdbe4ffa7eb1172b28b328abeb9fabbbf"))));
  }

  @Test
  void acceptsHighSWithTheOtherParity() {
    // (r, n - s) with the opposite v is the same signature point; ecrecover does not apply EIP-2.
    String highS = "5e739d6ae8b35a0ced0b6d2f353258044ec9d0451b8c9cfb4bfd0ca42ba275f3";
    assertEquals(KEY1_ADDRESS, hex(ECRECOVER.run(bytes(HASH1 + word(28) + R1 + highS))));
  }

  @Test
  void wrongParityRecoversADifferentKey() {
    String other = hex(ECRECOVER.run(bytes(HASH1 + word(28) + R1 + S1)));
    assertEquals(64, other.length());
    assertEquals(false, other.equals(KEY1_ADDRESS));
  }

  @Test
  void invalidSignaturesGiveEmptyOutput() {
    assertEquals("", hex(ECRECOVER.run(bytes(HASH1 + word(29) + R1 + S1))), "v = 29");
    assertEquals("", hex(ECRECOVER.run(bytes(HASH1 + word(0) + R1 + S1))), "v = 0");
    assertEquals("", hex(ECRECOVER.run(bytes(HASH1 + word(1) + R1 + S1))), "v = 1");
    String v27WithHighByte = "01" + word(27).substring(2);
    assertEquals("", hex(ECRECOVER.run(bytes(HASH1 + v27WithHighByte + R1 + S1))), "v word");
    assertEquals("", hex(ECRECOVER.run(bytes(HASH1 + word(27) + word(0) + S1))), "r = 0");
    assertEquals("", hex(ECRECOVER.run(bytes(HASH1 + word(27) + R1 + word(0)))), "s = 0");
    assertEquals("", hex(ECRECOVER.run(bytes(HASH1 + word(27) + N + S1))), "r = n");
    assertEquals("", hex(ECRECOVER.run(bytes(HASH1 + word(27) + R1 + N))), "s = n");
    assertEquals("", hex(ECRECOVER.run(bytes(HASH1 + word(27)))), "r and s padded as zero");
    assertEquals("", hex(ECRECOVER.run(new byte[0])), "empty input");
    // x = 5 is not the x of any secp256k1 point (5³ + 7 = 132 is a non-residue mod p).
    assertEquals("", hex(ECRECOVER.run(bytes(HASH1 + word(27) + word(5) + S1))), "r not an x");
  }

  @Test
  void extraInputIsIgnoredAndGasIsFlat() {
    assertEquals(KEY1_ADDRESS, hex(ECRECOVER.run(bytes(HASH1 + word(27) + R1 + S1 + "ffff"))));
    assertEquals(3000, ECRECOVER.gasCost(new byte[0]));
    assertEquals(3000, ECRECOVER.gasCost(new byte[1000]));
  }
}
