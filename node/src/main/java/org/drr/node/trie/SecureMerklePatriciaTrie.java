package org.drr.node.trie;

import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.crypto.Keccak256;

/**
 * A trie keyed by keccak-256 of the caller's key, as Ethereum's state trie (key: address) and
 * storage tries (key: 32-byte slot) are. Hashing bounds every path at 64 nibbles and spreads keys
 * evenly, whatever the caller's keys look like.
 *
 * <p>The root hash, commit and store behave as in {@link MerklePatriciaTrie}; this view only hashes
 * keys. Proofs are proofs for the hashed key: verify them with {@link #verifyProof}.
 */
public final class SecureMerklePatriciaTrie {
  private final MerklePatriciaTrie trie;

  public SecureMerklePatriciaTrie(NodeStore store) {
    this.trie = new MerklePatriciaTrie(store);
  }

  public SecureMerklePatriciaTrie(NodeStore store, Bytes32 rootHash) {
    this.trie = new MerklePatriciaTrie(store, rootHash);
  }

  public Optional<Bytes> get(Bytes key) {
    return trie.get(Keccak256.hash(key));
  }

  /** Sets the value of {@code key}; an empty value deletes it. */
  public void put(Bytes key, Bytes value) {
    trie.put(Keccak256.hash(key), value);
  }

  public void delete(Bytes key) {
    trie.delete(Keccak256.hash(key));
  }

  /** Like {@link #get} for a caller that already holds keccak256(key). */
  public Optional<Bytes> getByHash(Bytes32 keyHash) {
    return trie.get(keyHash);
  }

  public Bytes32 rootHash() {
    return trie.rootHash();
  }

  public boolean isEmpty() {
    return trie.isEmpty();
  }

  /** See {@link MerklePatriciaTrie#commit()}. */
  public Bytes32 commit() {
    return trie.commit();
  }

  /** See {@link MerklePatriciaTrie#commit(NodeBatch)}. */
  public Bytes32 commit(NodeBatch batch) {
    return trie.commit(batch);
  }

  /** See {@link MerklePatriciaTrie#collectAhead(NodeBatch)}. */
  public Bytes32 collectAhead(NodeBatch batch) {
    return trie.collectAhead(batch);
  }

  /** The Merkle proof for keccak256(key), as {@code eth_getProof} returns it. */
  public List<Bytes> proof(Bytes key) {
    return trie.proof(Keccak256.hash(key));
  }

  /**
   * What a proof from {@link #proof} (or {@code eth_getProof}) proves about {@code key}: its value,
   * or empty if absent.
   *
   * @throws InvalidProofException if the proof proves nothing
   */
  public static Optional<Bytes> verifyProof(Bytes32 root, Bytes key, List<Bytes> proof)
      throws InvalidProofException {
    return MerkleProof.verify(root, Keccak256.hash(key), proof);
  }

  /**
   * Visits entries in order of hashed key from {@code startKeyHash}; the visitor receives the
   * hashed keys (the preimages are not stored).
   */
  public void forEachFrom(Bytes32 startKeyHash, MerklePatriciaTrie.EntryVisitor visitor) {
    trie.forEachFrom(startKeyHash, visitor);
  }
}
