package org.drr.node.chain;

import java.util.List;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.fork.Fork;
import org.drr.node.state.StateRoots;
import org.drr.node.state.WorldState;
import org.drr.node.trie.MerklePatriciaTrie;
import org.drr.node.types.LogsBloom;

/**
 * Builds block 0 and its state from a {@link GenesisConfig} as Besu does: the alloc accounts are
 * the state; the header has empty transaction and receipt roots, the genesis base fee (London is
 * at 0), and from Shanghai/Cancun at the genesis timestamp the empty withdrawals root and zero
 * blob gas fields and parent beacon block root.
 */
public final class Genesis {
  private Genesis() {}

  /** A fresh world state holding the genesis allocation. */
  public static WorldState state(GenesisConfig config) {
    WorldState state = new WorldState();
    for (GenesisAccount a : config.alloc()) {
      state.putCommitted(
          a.address(), a.nonce(), a.balance(), a.code().toArrayUnsafe(), a.storage());
    }
    return state;
  }

  public static Block block(GenesisConfig config, Bytes32 stateRoot) {
    Fork fork = config.forks().forkAt(config.timestamp());
    boolean shanghai = fork.isAtLeast(Fork.SHANGHAI);
    boolean cancun = fork.isAtLeast(Fork.CANCUN);
    BlockHeader header =
        new BlockHeader(
            config.parentHash(),
            Block.EMPTY_OMMERS_HASH,
            config.coinbase(),
            stateRoot,
            MerklePatriciaTrie.EMPTY_TRIE_ROOT,
            MerklePatriciaTrie.EMPTY_TRIE_ROOT,
            LogsBloom.EMPTY,
            config.difficulty(),
            0,
            config.gasLimit(),
            0,
            config.timestamp(),
            config.extraData(),
            config.mixHash(),
            config.nonce(),
            config.baseFeePerGas(),
            shanghai ? MerklePatriciaTrie.EMPTY_TRIE_ROOT : null,
            cancun ? 0L : null,
            cancun ? 0L : null,
            cancun ? Bytes32.ZERO : null);
    return new Block(header, List.of());
  }

  public static Block block(GenesisConfig config) {
    return block(config, StateRoots.compute(state(config)));
  }

}
