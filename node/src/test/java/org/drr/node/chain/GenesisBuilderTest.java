package org.drr.node.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.consensus.qbft.QbftBlockHashing;
import org.drr.node.consensus.qbft.QbftExtraDataCodec;
import org.drr.node.storage.Column;
import org.drr.node.storage.RocksDbStorage;
import org.drr.node.storage.StorageOptions;
import org.drr.node.types.Address;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenesisBuilderTest {
  // constructor: SSTORE(0, 0x2a); runtime: return SLOAD(0)
  private static final Bytes STORE_42 =
      Bytes.fromHexString("0x602a600055600b6011600039600b6000f360005460005260206000f3");
  @TempDir Path dir;

  @Test
  void deploysInOurEvmAndWritesCodeAndStorageIntoAlloc() {
    Address second = Address.contractAddress(GenesisBuilder.DEPLOYER, 1);
    String json = new GenesisBuilder(2024, List.of(TestChains.VALIDATOR.address()), 1, 0x1fffffffffffffL, 0)
        .fund(TestChains.ALICE.address(), BigInteger.TEN.pow(21))
        .deploy(new GenesisBuilder.Step("first", Optional.empty(), STORE_42, Optional.of(GenesisBuilder.DIRECTORY)))
        .deploy(new GenesisBuilder.Step("second", Optional.empty(), STORE_42, Optional.of(second)))
        .annotate("participantRegistry", second.toHexString())
        .build();
    GenesisConfig config = GenesisConfig.parse(json);
    assertEquals(2024, config.chainId());
    assertEquals(second.toHexString(), config.extensions().get("participantregistry"));
    assertEquals(List.of(TestChains.VALIDATOR.address()),
        QbftExtraDataCodec.decode(config.extraData()).validators());
    GenesisAccount deployed = config.alloc().stream().filter(a -> a.address().equals(GenesisBuilder.DIRECTORY))
        .findFirst().orElseThrow();
    assertEquals(Bytes.fromHexString("0x60005460005260206000f3"), deployed.code());
    assertEquals(1, deployed.storage().size());
    try (RocksDbStorage storage = RocksDbStorage.open(dir, StorageOptions.durable(ChainColumns.ALL.toArray(new Column[0])))) {
      Ledger ledger = Ledger.open(storage, config, QbftBlockHashing.INSTANCE);
      Ledger.CallResult r = ledger.call(TestChains.ALICE.address(), second, BigInteger.ZERO, Bytes.EMPTY, 100_000);
      assertTrue(r.success());
      assertArrayEquals(Bytes32.leftPad(Bytes.of(0x2a)).toArrayUnsafe(), r.output());
      // the deployer's nonce advanced once per creation and is part of the genesis state
      assertEquals(2L, (long) ledger.readState(s -> s.nonce(GenesisBuilder.DEPLOYER)));
    }
  }

  @Test
  void directoryAddressIsTheDocumentedConstant() {
    // docs/node.md publishes this address; tools find the registry there without a deployment file
    assertEquals("0x0d1eb39F4EB0abf5786C612D5C19B9e0c0Bf9A56", GenesisBuilder.DIRECTORY.toChecksumString());
  }

  @Test
  void aFailingOrMisplacedStepNamesItself() {
    var failing = new GenesisBuilder(1, List.of(TestChains.VALIDATOR.address()), 1, 30_000_000, 0)
        .deploy(new GenesisBuilder.Step("broken", Optional.empty(), Bytes.fromHexString("0xfe"), Optional.empty()));
    var e = assertThrows(IllegalStateException.class, failing::build);
    assertTrue(e.getMessage().contains("'broken'"), e.getMessage());
    var misplaced = new GenesisBuilder(1, List.of(TestChains.VALIDATOR.address()), 1, 30_000_000, 0)
        .deploy(new GenesisBuilder.Step("dir", Optional.empty(), STORE_42, Optional.of(Address.ZERO)));
    e = assertThrows(IllegalStateException.class, misplaced::build);
    assertTrue(e.getMessage().contains("expected"), e.getMessage());
  }
}
