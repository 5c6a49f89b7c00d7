package org.drr.node.chain;

import java.math.BigInteger;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.drr.node.state.Word256;
import org.drr.node.types.Address;

/** One {@code alloc} entry of a genesis file: an account present from block 0. */
public record GenesisAccount(
    Address address, long nonce, BigInteger balance, Bytes code, Map<Word256, Word256> storage) {
  public GenesisAccount {
    storage = Map.copyOf(storage);
  }
}
