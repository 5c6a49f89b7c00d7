package org.drr.node.rpc;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.crypto.KeyPair;
import org.drr.node.types.Address;
import org.drr.node.types.Transaction;

/**
 * A shared scenario for method tests in other packages: block 1 deploys the store contract, block 2
 * holds a legacy and an EIP-1559 transfer from ALICE to BOB, block 3 deploys a forwarder and stores
 * 42 through the store contract.
 */
public final class RpcTestSupport {
  public static final KeyPair ALICE = RpcFixture.ALICE;
  public static final KeyPair BOB = RpcFixture.BOB;
  public static final Bytes32 STORED_TOPIC = Contracts.STORED_TOPIC;

  private RpcTestSupport() {}

  /** Handles to the scenario's transactions and contracts. */
  public record Scenario(
      Fixture fixture,
      Transaction deployment,
      Transaction legacy,
      Transaction eip1559,
      Transaction storeCall,
      Address store,
      Address forwarder,
      Transaction forwarderDeployment) {}

  /** The fixture as other packages see it. */
  public static final class Fixture {
    final RpcFixture inner;
    public final RpcClient client;

    Fixture(RpcFixture inner) {
      this.inner = inner;
      this.client = inner.client;
    }

    public int httpPort() {
      return inner.service.httpPort();
    }

    public int webSocketPort() {
      return inner.service.webSocketPort();
    }

    public JsonRpcService service() {
      return inner.service;
    }

    public BlockView mine() {
      return inner.chain.mine();
    }

    public String send(Transaction tx) throws Exception {
      return inner.send(tx);
    }

    public Transaction storeTransaction(Address store, int value) {
      return inner.eip1559(
          ALICE, Optional.of(store), BigInteger.ZERO, Bytes32.leftPad(Bytes.of(value)), 100_000);
    }

    /** A call to the store contract without data, which reverts with Error("nope"). */
    public Transaction storeTransactionWithoutData(Address store) {
      return inner.eip1559(ALICE, Optional.of(store), BigInteger.ZERO, Bytes.EMPTY, 100_000);
    }

    public Transaction transfer(KeyPair from, Address to, long value) {
      return inner.eip1559(from, Optional.of(to), BigInteger.valueOf(value), Bytes.EMPTY, 21_000);
    }

    public void close() {
      inner.close();
    }
  }

  /** The chain behind a fixture, for tests that wire methods by hand. */
  public static RpcBackend backend(Fixture fixture) {
    return fixture.inner.chain;
  }

  public static Bytes storeRuntime() {
    return Contracts.store();
  }

  /** A fixture with only genesis, for tests that build their own history. */
  public static Fixture fixture(Path dir, RpcLimits limits) throws Exception {
    return new Fixture(
        new RpcFixture(dir, limits, org.drr.node.rpc.transport.RpcServerConfig.loopback()));
  }

  public static Scenario scenario(Path dir) throws Exception {
    return scenario(dir, RpcLimits.DEFAULTS);
  }

  public static Scenario scenario(Path dir, RpcLimits limits) throws Exception {
    RpcFixture f =
        new RpcFixture(dir, limits, org.drr.node.rpc.transport.RpcServerConfig.loopback());
    Transaction deployment =
        f.eip1559(
            ALICE,
            Optional.empty(),
            BigInteger.ZERO,
            Bytecode.deployment(Contracts.store()),
            200_000);
    f.send(deployment);
    f.chain.mine();
    Address store = Address.contractAddress(ALICE.address(), 0);
    Transaction legacy =
        f.legacy(ALICE, Optional.of(BOB.address()), BigInteger.valueOf(1_000), Bytes.EMPTY, 21_000);
    f.send(legacy);
    Transaction dynamic =
        f.eip1559(
            ALICE, Optional.of(BOB.address()), BigInteger.valueOf(2_000), Bytes.EMPTY, 21_000);
    f.send(dynamic);
    f.chain.mine();
    Address forwarder = Address.contractAddress(ALICE.address(), 3);
    Transaction forwarderDeployment =
        f.eip1559(
            ALICE,
            Optional.empty(),
            BigInteger.ZERO,
            Bytecode.deployment(Contracts.forwarder(store)),
            200_000);
    f.send(forwarderDeployment);
    Transaction storeCall =
        f.eip1559(
            BOB, Optional.of(forwarder), BigInteger.ZERO, Bytes32.leftPad(Bytes.of(42)), 100_000);
    f.send(storeCall);
    f.chain.mine();
    return new Scenario(
        new Fixture(f),
        deployment,
        legacy,
        dynamic,
        storeCall,
        store,
        forwarder,
        forwarderDeployment);
  }
}
