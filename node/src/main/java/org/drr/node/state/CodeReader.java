package org.drr.node.state;

import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/** Where a trie-backed {@link WorldState} finds contract code by its keccak-256 hash. */
@FunctionalInterface
public interface CodeReader {
  /**
   * The code whose hash is {@code codeHash}, or empty if it is not stored. Returning the same
   * array for the same code on every call lets the EVM reuse its jump-destination analysis.
   */
  Optional<byte[]> code(Bytes32 codeHash);
}
