package org.drr.node.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.consensus.qbft.QbftBlockHashing;
import org.drr.node.execution.BeaconRootsCall;
import org.drr.node.state.StateRoots;
import org.drr.node.state.Word256;
import org.drr.node.storage.Column;
import org.drr.node.storage.RocksDbStorage;
import org.drr.node.storage.StorageOptions;
import org.drr.node.types.Address;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EIP-4788's system call at the start of each Cancun block, on a chain with the contract. */
class BeaconRootsCallTest {
  /** The beacon roots contract's runtime code, as EIP-4788 gives it. */
  private static final String BEACON_ROOTS_CODE = "0x3373fffffffffffffffffffffffffffffffffffffffe14604d57"
      + "602036146024575f5ffd5b5f35801560495762001fff810690815414603c575f5ffd5b62001fff01545f5260205f"
      + "f35b5f5ffd5b62001fff42064281555f359062001fff015500";
  private static final long HISTORY_BUFFER_LENGTH = 8191;

  @TempDir Path dir;
  @TempDir Path otherDir;

  private static RocksDbStorage open(Path path) {
    return RocksDbStorage.open(path, StorageOptions.durable(ChainColumns.ALL.toArray(new Column[0])));
  }

  private static GenesisConfig genesisWithBeaconRoots() {
    return GenesisConfig.parse(TestChains.genesisJson().replace("\"alloc\": {", "\"alloc\": {\n"
        + "\"" + BeaconRootsCall.BEACON_ROOTS_ADDRESS.toHexString() + "\": {\"code\": \""
        + BEACON_ROOTS_CODE + "\"},"));
  }

  private static Word256 word(long value) {
    return Word256.fromBytes(Bytes32.leftPad(Bytes.ofUnsignedLong(value)).toArray());
  }

  private static boolean exists(Ledger ledger, Address address) {
    return ledger.readState(s -> s.exists(address));
  }

  @Test
  void eachBlockFilesItsTimestampAndAnImportReproducesTheRoot() {
    Block block;
    long timestamp;
    try (RocksDbStorage storage = open(dir)) {
      Ledger ledger = Ledger.open(storage, genesisWithBeaconRoots(), QbftBlockHashing.INSTANCE);
      timestamp = ledger.chain().head().header().timestamp() + 1;
      var tx = TestChains.tx(TestChains.ALICE, 0, TestChains.BOB.address(), 5, Bytes.EMPTY);
      var built = ledger.build(timestamp, TestChains.VALIDATOR.address(), TestChains.extraData(),
          List.of(TestChains.pending(tx, 1)));
      ledger.commit(built, built.block().header());
      block = built.block();

      // the ring buffer's timestamp slot holds the block's timestamp (the root, zero, is not stored)
      Word256 slot = word(timestamp % HISTORY_BUFFER_LENGTH);
      assertEquals(word(timestamp), ledger.readState(s -> s.storage(BeaconRootsCall.BEACON_ROOTS_ADDRESS, slot)));
      // the call used none of the block's gas and left no trace of the system address
      assertEquals(21_000, block.header().gasUsed());
      assertFalse(exists(ledger, BeaconRootsCall.SYSTEM_ADDRESS));
      assertEquals(block.header().stateRoot(), ledger.readState(StateRoots::compute));

      // the contract answers for that timestamp (the zero root) and refuses any other
      Bytes input = Bytes32.leftPad(Bytes.ofUnsignedLong(timestamp));
      Ledger.CallResult known = ledger.call(TestChains.BOB.address(), BeaconRootsCall.BEACON_ROOTS_ADDRESS,
          BigInteger.ZERO, input, 100_000);
      assertTrue(known.success(), known.failure());
      assertArrayEquals(new byte[32], known.output());
      Ledger.CallResult unknown = ledger.call(TestChains.BOB.address(), BeaconRootsCall.BEACON_ROOTS_ADDRESS,
          BigInteger.ZERO, Bytes32.leftPad(Bytes.ofUnsignedLong(timestamp - 1)), 100_000);
      assertFalse(unknown.success());
    }
    // a node importing the block makes the same call and reaches the same state root
    try (RocksDbStorage storage = open(otherDir)) {
      Ledger other = Ledger.open(storage, genesisWithBeaconRoots(), QbftBlockHashing.INSTANCE);
      StoredBlock imported = other.importBlock(block);
      assertEquals(block.header().stateRoot(), imported.header().stateRoot());
      assertEquals(word(timestamp), other.readState(
          s -> s.storage(BeaconRootsCall.BEACON_ROOTS_ADDRESS, word(timestamp % HISTORY_BUFFER_LENGTH))));
    }
  }

  @Test
  void anAbandonedEmptyBlockTakesTheSystemCallsWritesWithIt() {
    try (RocksDbStorage storage = open(dir)) {
      Ledger ledger = Ledger.open(storage, genesisWithBeaconRoots(), QbftBlockHashing.INSTANCE);
      long timestamp = ledger.chain().head().header().timestamp() + 1;
      BlockBuilder open = ledger.startBlock(timestamp, TestChains.VALIDATOR.address());
      assertFalse(open.leftStateUnchanged(), "the system call wrote the timestamp");
      ledger.abandon();
      assertEquals(Word256.ZERO, ledger.readState(s -> s.storage(
          BeaconRootsCall.BEACON_ROOTS_ADDRESS, word(timestamp % HISTORY_BUFFER_LENGTH))));
      assertEquals(ledger.chain().head().header().stateRoot(), ledger.readState(StateRoots::compute));
    }
  }

  @Test
  void withoutTheContractNothingIsCalled() {
    try (RocksDbStorage storage = open(dir)) {
      Ledger ledger = Ledger.open(storage, TestChains.genesis(), QbftBlockHashing.INSTANCE);
      BlockBuilder open = ledger.startBlock(
          ledger.chain().head().header().timestamp() + 1, TestChains.VALIDATOR.address());
      assertTrue(open.leftStateUnchanged());
      ledger.abandon();
      assertFalse(exists(ledger, BeaconRootsCall.BEACON_ROOTS_ADDRESS));
      assertFalse(exists(ledger, BeaconRootsCall.SYSTEM_ADDRESS));
    }
  }

  @Test
  void theAddressesAreTheEips() {
    assertEquals(Address.fromHexString("0x000f3df6d732807ef1319fb7b8bb8522d0beac02"),
        BeaconRootsCall.BEACON_ROOTS_ADDRESS);
    assertEquals(Address.fromHexString("0xfffffffffffffffffffffffffffffffffffffffe"),
        BeaconRootsCall.SYSTEM_ADDRESS);
  }
}
