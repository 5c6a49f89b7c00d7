package org.drr.node.crypto;

import java.math.BigInteger;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Public-key recovery in pure Java (BouncyCastle), the yardstick for the native implementation:
 * tests check both agree and the JMH benchmark compares their speed. Same contract as {@link
 * Secp256k1#recoverPublicKey}.
 *
 * <p>SEC 1 §4.1.6: R is the point with x = r and y parity = recovery id; the key is Q = r⁻¹ (sR −
 * eG) mod n, computed as one double multiplication.
 */
public final class BouncyCastleSecp256k1 {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  private static final BigInteger N = CURVE.getN();
  private static final BigInteger P = CURVE.getCurve().getField().getCharacteristic();

  private BouncyCastleSecp256k1() {}

  public static Optional<Bytes> recoverPublicKey(Bytes32 hash, Signature signature) {
    if (!signature.isInRange()) {
      return Optional.empty();
    }
    BigInteger r = signature.r().toUnsignedBigInteger();
    BigInteger s = signature.s().toUnsignedBigInteger();
    if (r.compareTo(P) >= 0) {
      return Optional.empty();
    }
    ECCurve curve = CURVE.getCurve();
    byte[] compressed = new byte[33];
    compressed[0] = (byte) (signature.recoveryId() == 1 ? 0x03 : 0x02);
    byte[] x = Bytes32.leftPad(Bytes.wrap(r.toByteArray()).trimLeadingZeros()).toArrayUnsafe();
    System.arraycopy(x, 0, compressed, 1, 32);
    ECPoint bigR;
    try {
      bigR = curve.decodePoint(compressed);
    } catch (IllegalArgumentException notOnCurve) {
      return Optional.empty();
    }
    BigInteger e = new BigInteger(1, hash.toArrayUnsafe());
    BigInteger rInv = r.modInverse(N);
    BigInteger u1 = e.negate().multiply(rInv).mod(N);
    BigInteger u2 = s.multiply(rInv).mod(N);
    ECPoint q = ECAlgorithms.sumOfTwoMultiplies(CURVE.getG(), u1, bigR, u2).normalize();
    if (q.isInfinity()) {
      return Optional.empty();
    }
    byte[] encoded = q.getEncoded(false);
    return Optional.of(Bytes.wrap(encoded, 1, 64));
  }
}
