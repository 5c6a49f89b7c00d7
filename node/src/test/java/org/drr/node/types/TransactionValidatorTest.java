package org.drr.node.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.drr.node.crypto.KeyPair;
import org.drr.node.crypto.PrivateKey;
import org.drr.node.crypto.Signature;
import org.drr.node.fork.Fork;
import org.junit.jupiter.api.Test;

class TransactionValidatorTest {
  private static final PrivateKey KEY = PrivateKey.of(Bytes32.fromHexString("11".repeat(32)));
  private static final Address TO = Address.precompile(0x99);
  private static final TransactionValidator CANCUN = new TransactionValidator(Fork.CANCUN, 1337);

  private static LegacyTransaction legacy(long gasLimit, Optional<Address> to, Bytes data) {
    return TransactionSigner.sign(
        new LegacyTransaction(
            0,
            UInt256.ONE,
            gasLimit,
            to,
            UInt256.ZERO,
            data,
            OptionalLong.of(1337),
            TransactionSigner.UNSIGNED),
        KEY);
  }

  private static InvalidTransactionException.Reason reason(TransactionValidator v, Transaction tx) {
    return assertThrows(InvalidTransactionException.class, () -> v.validate(tx)).reason();
  }

  @Test
  void computesIntrinsicGasPerFork() {
    Bytes data = Bytes.fromHexString("0x00ff00ff01");
    assertEquals(21000 + 2 * 4 + 3 * 16, IntrinsicGas.of(data, false, List.of(), Fork.CANCUN));
    assertEquals(21000 + 2 * 4 + 3 * 68, IntrinsicGas.of(data, false, List.of(), Fork.BYZANTIUM));
    // Creation: +32000, and from Shanghai 2 gas per 32-byte word of init code (EIP-3860).
    assertEquals(53000 + 2 * 4 + 3 * 16 + 2, IntrinsicGas.of(data, true, List.of(), Fork.CANCUN));
    assertEquals(53000 + 2 * 4 + 3 * 16, IntrinsicGas.of(data, true, List.of(), Fork.PARIS));
    assertEquals(21000 + 2 * 4 + 3 * 68, IntrinsicGas.of(data, true, List.of(), Fork.FRONTIER));
    AccessListEntry entry = new AccessListEntry(TO, List.of(Bytes32.ZERO, Bytes32.ZERO));
    assertEquals(
        21000 + 2400 + 2 * 1900, IntrinsicGas.of(Bytes.EMPTY, false, List.of(entry), Fork.BERLIN));
  }

  @Test
  void acceptsAValidTransactionAndReturnsItsSender() {
    assertEquals(
        KeyPair.of(KEY).address(), CANCUN.validate(legacy(21000, Optional.of(TO), Bytes.EMPTY)));
  }

  @Test
  void refusesEachBrokenRule() {
    assertEquals(
        InvalidTransactionException.Reason.INTRINSIC_GAS_TOO_LOW,
        reason(CANCUN, legacy(20999, Optional.of(TO), Bytes.EMPTY)));
    assertEquals(
        InvalidTransactionException.Reason.INVALID_CHAIN_ID,
        reason(
            new TransactionValidator(Fork.CANCUN, 1), legacy(21000, Optional.of(TO), Bytes.EMPTY)));
    assertEquals(
        InvalidTransactionException.Reason.INIT_CODE_TOO_LARGE,
        reason(CANCUN, legacy(30_000_000, Optional.empty(), Bytes.wrap(new byte[49153]))));

    LegacyTransaction good = legacy(21000, Optional.of(TO), Bytes.EMPTY);
    Signature low = good.signature();
    LegacyTransaction highS =
        good.withSignature(
            new Signature(low.r(), Signature.N.subtract(low.s()), 1 - low.recoveryId()));
    assertEquals(InvalidTransactionException.Reason.INVALID_SIGNATURE, reason(CANCUN, highS));

    Eip1559Transaction tipAboveCap =
        TransactionSigner.sign(
            new Eip1559Transaction(
                1337,
                0,
                UInt256.valueOf(11),
                UInt256.valueOf(10),
                21000,
                Optional.of(TO),
                UInt256.ZERO,
                Bytes.EMPTY,
                List.of(),
                TransactionSigner.UNSIGNED),
            KEY);
    assertEquals(
        InvalidTransactionException.Reason.PRIORITY_FEE_ABOVE_MAX_FEE, reason(CANCUN, tipAboveCap));
    assertEquals(
        InvalidTransactionException.Reason.UNSUPPORTED_TYPE,
        reason(new TransactionValidator(Fork.BERLIN, 1337), tipAboveCap));

    LegacyTransaction maxNonce =
        TransactionSigner.sign(
            new LegacyTransaction(
                -1,
                UInt256.ONE,
                21000,
                Optional.of(TO),
                UInt256.ZERO,
                Bytes.EMPTY,
                OptionalLong.of(1337),
                TransactionSigner.UNSIGNED),
            KEY);
    assertEquals(InvalidTransactionException.Reason.NONCE_TOO_BIG, reason(CANCUN, maxNonce));
  }
}
