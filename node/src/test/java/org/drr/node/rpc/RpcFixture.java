package org.drr.node.rpc;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.drr.node.crypto.KeyPair;
import org.drr.node.crypto.PrivateKey;
import org.drr.node.rpc.transport.RpcServerConfig;
import org.drr.node.types.Address;
import org.drr.node.types.Eip1559Transaction;
import org.drr.node.types.LegacyTransaction;
import org.drr.node.types.Transaction;
import org.drr.node.types.TransactionSigner;

/**
 * A running RPC service on loopback over a {@link TestChain}, with two funded keys and helpers to
 * sign and mine transactions.
 */
final class RpcFixture implements AutoCloseable {
  static final KeyPair ALICE =
      KeyPair.of(PrivateKey.of(Bytes32.fromHexString("0x" + "11".repeat(32))));
  static final KeyPair BOB =
      KeyPair.of(PrivateKey.of(Bytes32.fromHexString("0x" + "22".repeat(32))));
  static final BigInteger FUNDS = BigInteger.TEN.pow(24);

  final TestChain chain;
  final JsonRpcService service;
  final RpcClient client;

  RpcFixture(Path dataDir) throws IOException {
    this(dataDir, RpcLimits.DEFAULTS, RpcServerConfig.loopback());
  }

  RpcFixture(Path dataDir, RpcLimits limits, RpcServerConfig config) throws IOException {
    chain = new TestChain(dataDir, Map.of(ALICE.address(), FUNDS, BOB.address(), FUNDS));
    service = JsonRpcService.start(chain, config, limits);
    client = new RpcClient(service.httpPort());
  }

  /** Signs an EIP-1559 transaction from {@code key} at its pending nonce. */
  Transaction eip1559(KeyPair key, Optional<Address> to, BigInteger value, Bytes data, long gas) {
    Eip1559Transaction tx =
        new Eip1559Transaction(
            TestChain.CHAIN_ID,
            chain.pendingNonce(key.address()),
            UInt256.valueOf(2),
            UInt256.valueOf(1_000),
            gas,
            to,
            UInt256.valueOf(value),
            data,
            List.of(),
            TransactionSigner.UNSIGNED);
    return TransactionSigner.sign(tx, key.privateKey());
  }

  /** Signs an EIP-155 legacy transaction from {@code key} at its pending nonce. */
  Transaction legacy(KeyPair key, Optional<Address> to, BigInteger value, Bytes data, long gas) {
    LegacyTransaction tx =
        new LegacyTransaction(
            chain.pendingNonce(key.address()),
            UInt256.valueOf(1_000),
            gas,
            to,
            UInt256.valueOf(value),
            data,
            OptionalLong.of(TestChain.CHAIN_ID),
            TransactionSigner.UNSIGNED);
    return TransactionSigner.sign(tx, key.privateKey());
  }

  /** Submits through eth_sendRawTransaction; returns the hash the node answered. */
  String send(Transaction tx) throws IOException, InterruptedException {
    return client.call("eth_sendRawTransaction", tx.encoded().toHexString()).asText();
  }

  /** Deploys {@code runtime} from ALICE in its own block; returns the contract address. */
  Address deploy(Bytes runtime) throws IOException, InterruptedException {
    Transaction tx =
        eip1559(ALICE, Optional.empty(), BigInteger.ZERO, Bytecode.deployment(runtime), 200_000);
    send(tx);
    chain.mine();
    String address =
        client
            .call("eth_getTransactionReceipt", tx.hash().toHexString())
            .get("contractAddress")
            .asText();
    return Address.fromHexString(address);
  }

  @Override
  public void close() {
    service.close();
    chain.close();
  }
}
