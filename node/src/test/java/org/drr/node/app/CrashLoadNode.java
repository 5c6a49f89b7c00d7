package org.drr.node.app;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.drr.node.chain.TestChains;
import org.drr.node.chain.TransactionRejectedException;
import org.drr.node.crypto.KeyPair;
import org.drr.node.types.Address;
import org.drr.node.types.Transaction;
import org.drr.node.rpc.transport.RpcServerConfig;

/**
 * The process the crash test kills: a node that submits its own load (transfers and contract
 * storage writes from two senders) and prints {@code ACK <tx> <block number> <block hash>} for
 * every transaction of a block once the block's write has returned — the moment a client would
 * be told "committed".
 */
public final class CrashLoadNode {
  private static final Address COUNTER = Address.fromHexString("0x00000000000000000000000000000000000000cc");

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    Path genesis = Path.of(args[1]);
    Path key = Path.of(args[2]);
    NodeConfig config = new NodeConfig(
        data, genesis, key, false, "127.0.0.1", 0, java.util.List.of("localhost", "127.0.0.1"), java.util.List.of(), false, 0, BigInteger.ZERO, false, "127.0.0.1", 0,
        false, false, null, 4096, RpcServerConfig.DEFAULT_MAX_HTTP_CONNECTIONS);
    DrrNode node = DrrNode.start(config);
    node.ledger().chain().onBlockAdded(b -> {
      StringBuilder out = new StringBuilder();
      for (Transaction tx : b.block().transactions()) {
        out.append("ACK ").append(tx.hash().toHexString()).append(' ').append(b.number()).append(' ')
            .append(b.hash().toHexString()).append('\n');
      }
      System.out.print(out);
      System.out.flush();
    });
    System.out.println("READY " + node.ledger().chain().head().number());
    System.out.flush();
    List<KeyPair> senders = List.of(TestChains.ALICE, TestChains.BOB);
    int i = 0;
    while (true) {
      if (node.pool().size() > 300) {
        Thread.sleep(5);
        continue;
      }
      KeyPair from = senders.get(i++ % senders.size());
      long nonce = node.pool().pendingNonce(from.address(), node.ledger().readState(s -> s.nonce(from.address())));
      Address to = i % 3 == 0 ? COUNTER : TestChains.BOB.address();
      try {
        node.pool().add(TestChains.tx(from, nonce, to, 1, Bytes.EMPTY));
      } catch (TransactionRejectedException e) {
        Thread.sleep(1); // raced with a block: the nonce moved on
      }
    }
  }
}
