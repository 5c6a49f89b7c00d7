package org.drr.node.trie;

import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.crypto.Keccak256;
import org.drr.node.rlp.Rlp;

/**
 * A Merkle Patricia Trie (Yellow Paper appendix D) mapping byte keys to non-empty byte values,
 * backed by a {@link NodeStore}.
 *
 * <p>Opened at a root hash, the trie loads nodes lazily as lookups and updates reach them. Updates
 * stay in memory until {@link #commit()}, which writes every new node reachable from the root (and
 * nothing already stored). {@link #rootHash()} is available at any time and costs one keccak per
 * node changed since it was last computed.
 *
 * <p>Setting a key to the empty value deletes it, as in Ethereum (a storage slot set to zero). Not
 * thread-safe: one writer at a time, and no reads during a write.
 *
 * <p>Memory: nodes created by updates stay referenced by this instance after a commit, so a
 * long-lived trie grows with everything it ever changed. To bound memory, open a new instance at
 * the committed root (cheap; reads then go through the store's {@link NodeCache}).
 */
public final class MerklePatriciaTrie {
  /** The root hash of the empty trie: keccak256(rlp("")). */
  public static final Bytes32 EMPTY_TRIE_ROOT = Keccak256.hash(Rlp.EMPTY_STRING);

  private final NodeLoader loader;
  private final TrieUpdater updater;
  private Node root;

  /** An empty trie whose nodes will be committed to {@code store}. */
  public MerklePatriciaTrie(NodeStore store) {
    this(store, EMPTY_TRIE_ROOT);
  }

  /**
   * The trie with root hash {@code rootHash} in {@code store}. Nothing is read yet; a missing root
   * surfaces as {@link MissingNodeException} on first use.
   */
  public MerklePatriciaTrie(NodeStore store, Bytes32 rootHash) {
    this.loader = new NodeLoader(store);
    this.updater = new TrieUpdater(loader);
    this.root =
        rootHash.equals(EMPTY_TRIE_ROOT) ? EmptyNode.INSTANCE : new HashNode(rootHash.toArray());
  }

  /** The value stored under {@code key}, or empty. */
  public Optional<Bytes> get(Bytes key) {
    byte[] value = updater.get(loadedRoot(), Nibbles.fromBytes(key.toArrayUnsafe()));
    return value == null ? Optional.empty() : Optional.of(Bytes.wrap(value));
  }

  /** Sets {@code key} to {@code value}; an empty value deletes the key. */
  public void put(Bytes key, Bytes value) {
    if (value.isEmpty()) {
      delete(key);
      return;
    }
    root = updater.put(loadedRoot(), Nibbles.fromBytes(key.toArrayUnsafe()), 0, value.toArray());
  }

  /** Removes {@code key}; removing an absent key changes nothing. */
  public void delete(Bytes key) {
    root = updater.delete(loadedRoot(), Nibbles.fromBytes(key.toArrayUnsafe()), 0);
  }

  /**
   * The root node, loaded once and kept: every operation starts there, so a root still referred to
   * by hash would be fetched and decoded again on every lookup.
   */
  private Node loadedRoot() {
    if (root instanceof HashNode reference) {
      root = loader.load(reference);
    }
    return root;
  }

  /** The root hash of the current contents, committed or not. */
  public Bytes32 rootHash() {
    return Bytes32.wrap(root.hash());
  }

  public boolean isEmpty() {
    return root == EmptyNode.INSTANCE;
  }

  /**
   * Writes every node changed since the last commit to this trie's store, atomically, and returns
   * the root hash. A trie with nothing to write does not touch the store.
   */
  public Bytes32 commit() {
    NodeBatch batch = new NodeBatch();
    Bytes32 rootHash = commit(batch);
    if (!batch.isEmpty()) {
      loader.store().putAll(batch);
    }
    return rootHash;
  }

  /**
   * Adds every node changed since the last commit to {@code batch} instead of the store, so the
   * caller can write several tries (and other data) in one atomic write. The trie considers the
   * nodes written from now on: the caller must persist the batch.
   *
   * @return the root hash
   */
  public Bytes32 commit(NodeBatch batch) {
    collect(root, batch, true, true);
    return rootHash();
  }

  /**
   * {@link #commit(NodeBatch)} ahead of time: adds every node changed since the last commit to
   * {@code batch} but does not consider them written, so the trie can still change and be
   * collected again. If it does not change, {@link NodeBatch#markWritten} stands for the commit.
   *
   * @return the root hash
   */
  public Bytes32 collectAhead(NodeBatch batch) {
    collect(root, batch, true, false);
    return rootHash();
  }

  /** Children before parents, so a store never holds a node whose children it lacks. */
  private static void collect(Node node, NodeBatch batch, boolean isRoot, boolean markWritten) {
    if (node.isPersisted()) {
      return;
    }
    switch (node) {
      case ExtensionNode extension -> collect(extension.child(), batch, false, markWritten);
      case BranchNode branch -> {
        for (int i = 0; i < 16; i++) {
          collect(branch.child(i), batch, false, markWritten);
        }
      }
      default -> {}
    }
    if (isRoot || !node.isInlined()) {
      batch.put(node);
    }
    if (markWritten) {
      node.markPersisted();
    }
  }

  /**
   * A Merkle proof for {@code key}, present or absent: the encodings of the nodes on the path from
   * the root toward the key, root first, each referenced by hash from the one before (inlined nodes
   * travel inside their parent). The proof of anything in an empty trie is empty. Check it with
   * {@link MerkleProof#verify}.
   */
  public List<Bytes> proof(Bytes key) {
    return ProofGenerator.prove(loader, loadedRoot(), Nibbles.fromBytes(key.toArrayUnsafe()));
  }

  /**
   * Visits the entries with keys at or after {@code startKey}, in ascending unsigned byte order of
   * key, until the visitor returns {@code false}.
   */
  public void forEachFrom(Bytes startKey, EntryVisitor visitor) {
    new TrieWalker(loader, Nibbles.fromBytes(startKey.toArrayUnsafe()), visitor).walk(loadedRoot());
  }

  /** Receives entries in key order; returns whether to continue. */
  @FunctionalInterface
  public interface EntryVisitor {
    boolean visit(Bytes key, Bytes value);
  }
}
