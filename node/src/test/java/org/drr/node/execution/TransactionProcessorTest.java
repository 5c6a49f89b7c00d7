package org.drr.node.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.drr.node.crypto.PrivateKey;
import org.drr.node.types.Eip1559Transaction;
import org.drr.node.types.Transaction;
import org.drr.node.types.TransactionDecoder;
import org.drr.node.types.TransactionSigner;
import org.drr.node.fork.Fork;
import org.drr.node.state.StateRoots;
import org.drr.node.state.Word256;
import org.drr.node.state.WorldState;
import org.drr.node.types.Address;
import org.drr.node.types.TransactionType;
import org.junit.jupiter.api.Test;

class TransactionProcessorTest {
  private static final Address SENDER = Address.fromHexString("0x00000000000000000000000000000000000a11ce");
  private static final Address TARGET = Address.fromHexString("0x0000000000000000000000000000000000000b0b");
  private static final Address COINBASE = Address.fromHexString("0x00000000000000000000000000000000000c01b5");
  private static final BigInteger ETHER = BigInteger.TEN.pow(18);

  private final TransactionProcessor processor = new TransactionProcessor(Fork.CANCUN);

  private static BlockEnvironment block(long baseFee) {
    return new BlockEnvironment(
        COINBASE, 1, 1000, 30_000_000, BigInteger.valueOf(baseFee), Word256.ZERO, 2025,
        BigInteger.ONE, n -> Word256.ZERO);
  }

  private static TransactionMessage eip1559(
      Address to, long nonce, long gas, BigInteger value, Bytes data, long maxFee, long tip) {
    return new TransactionMessage(
        TransactionType.EIP1559, SENDER, to, nonce, gas, value, data, null,
        BigInteger.valueOf(maxFee), BigInteger.valueOf(tip), List.of());
  }

  private static WorldState funded() {
    WorldState s = new WorldState();
    s.putCommitted(SENDER, 0, ETHER, new byte[0], Map.of());
    return s;
  }

  @Test
  void executesASignedDecodedTransaction() throws Exception {
    PrivateKey key = PrivateKey.of(Bytes32.fromHexStringLenient("0x01"));
    Eip1559Transaction unsigned =
        new Eip1559Transaction(2025, 0, UInt256.ZERO, UInt256.ZERO, 21_000, Optional.of(TARGET),
            UInt256.valueOf(5), Bytes.EMPTY, List.of(), TransactionSigner.UNSIGNED);
    Transaction tx = TransactionDecoder.decode(TransactionSigner.sign(unsigned, key).encoded());
    Address sender = tx.sender();
    WorldState s = new WorldState();
    s.putCommitted(sender, 0, ETHER, new byte[0], Map.of());
    TransactionOutcome out =
        processor.execute(s, block(0), TransactionMessage.of(tx, sender), 0);
    assertTrue(out.isSuccess());
    assertEquals(BigInteger.valueOf(5), s.balance(TARGET));
    assertEquals(TransactionType.EIP1559, out.receipt().type());
  }

  @Test
  void zeroBaseFeeTransferMovesOnlyValue() throws Exception {
    WorldState s = funded();
    TransactionOutcome out =
        processor.execute(s, block(0), eip1559(TARGET, 0, 21_000, BigInteger.TEN, Bytes.EMPTY, 0, 0), 0);
    assertTrue(out.isSuccess());
    assertEquals(21_000, out.gasUsed());
    assertEquals(21_000, out.receipt().cumulativeGasUsed());
    assertEquals(ETHER.subtract(BigInteger.TEN), s.balance(SENDER));
    assertEquals(BigInteger.TEN, s.balance(TARGET));
    assertEquals(1, s.nonce(SENDER));
    assertFalse(s.exists(COINBASE), "an empty coinbase paid zero is touched and removed (EIP-161)");
  }

  @Test
  void feesBurnTheBaseFeeAndPayTheTipToTheCoinbase() throws Exception {
    WorldState s = funded();
    processor.execute(s, block(7), eip1559(TARGET, 0, 50_000, BigInteger.ZERO, Bytes.EMPTY, 10, 2), 0);
    // effective price min(10, 7 + 2) = 9; 21000 gas used; tip 2 per gas to the coinbase
    assertEquals(ETHER.subtract(BigInteger.valueOf(9 * 21_000)), s.balance(SENDER));
    assertEquals(BigInteger.valueOf(2 * 21_000), s.balance(COINBASE));
  }

  @Test
  void contractCreationRunsInitCodeAndEmitsLogs() throws Exception {
    WorldState s = funded();
    // init code: LOG0(0, 0); return the 1-byte runtime code 0x00 from memory[31]
    Bytes init = Bytes.fromHexString("0x60006000a060006000536001601ff3");
    TransactionOutcome out =
        processor.execute(s, block(0), eip1559(null, 0, 100_000, BigInteger.ZERO, init, 0, 0), 0);
    assertTrue(out.isSuccess(), out.failure());
    assertNotNull(out.contractAddress());
    assertEquals(Address.contractAddress(SENDER, 0), out.contractAddress());
    assertEquals(1, s.code(out.contractAddress()).length);
    assertEquals(1, s.nonce(out.contractAddress()));
    assertEquals(1, out.receipt().logs().size());
  }

  @Test
  void revertReportsTheReasonAndKeepsTheGasCharge() throws Exception {
    WorldState s = funded();
    s.putCommitted(TARGET, 0, BigInteger.ZERO, Bytes.fromHexString("0x60006000fd").toArray(), Map.of());
    TransactionOutcome out =
        processor.execute(s, block(0), eip1559(TARGET, 0, 30_000, BigInteger.ONE, Bytes.EMPTY, 0, 0), 0);
    assertEquals("reverted", out.failure());
    assertFalse(out.receipt().success());
    assertEquals(BigInteger.ZERO, s.balance(TARGET), "value transfer reverted");
    assertEquals(1, s.nonce(SENDER));
  }

  @Test
  void invalidTransactionsSayWhyAndChangeNothing() {
    WorldState s = funded();
    var root = StateRoots.compute(s);
    TransactionRejectedException nonce =
        assertThrows(
            TransactionRejectedException.class,
            () -> processor.execute(s, block(0), eip1559(TARGET, 5, 21_000, BigInteger.ZERO, Bytes.EMPTY, 0, 0), 0));
    assertEquals(TransactionRejectedException.Reason.NONCE_TOO_HIGH, nonce.reason());
    assertTrue(nonce.getMessage().contains("has 0"), nonce.getMessage());
    TransactionRejectedException fee =
        assertThrows(
            TransactionRejectedException.class,
            () -> processor.execute(s, block(10), eip1559(TARGET, 0, 21_000, BigInteger.ZERO, Bytes.EMPTY, 9, 1), 0));
    assertEquals(TransactionRejectedException.Reason.FEE_CAP_BELOW_BASE_FEE, fee.reason());
    TransactionRejectedException gas =
        assertThrows(
            TransactionRejectedException.class,
            () -> processor.execute(s, block(0), eip1559(TARGET, 0, 20_999, BigInteger.ZERO, Bytes.EMPTY, 0, 0), 0));
    assertEquals(TransactionRejectedException.Reason.INTRINSIC_GAS_TOO_LOW, gas.reason());
    TransactionRejectedException funds =
        assertThrows(
            TransactionRejectedException.class,
            () -> processor.execute(s, block(0), eip1559(TARGET, 0, 21_000, ETHER, Bytes.EMPTY, 1, 0), 0));
    assertEquals(TransactionRejectedException.Reason.INSUFFICIENT_FUNDS, funds.reason());
    assertEquals(root, StateRoots.compute(s));
  }
}
