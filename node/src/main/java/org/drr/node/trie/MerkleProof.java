package org.drr.node.trie;

import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.crypto.Keccak256;

/**
 * Verification of Merkle proofs as {@link MerklePatriciaTrie#proof} and {@code eth_getProof}
 * produce them: node encodings from the root toward the key, each (after the first) referenced by
 * hash from the one before.
 *
 * <p>Verification is strict: every node must hash to the reference that leads to it, be a canonical
 * trie node, and be used. A valid proof proves either the key's value or its absence.
 */
public final class MerkleProof {
  private MerkleProof() {}

  /**
   * What {@code proof} proves about {@code key} under {@code root}: the value, or empty if the key
   * is proven absent. For a secure trie (the state and storage tries) pass the keccak-256 of the
   * key, since that is the trie's real key.
   *
   * @throws InvalidProofException if the proof proves nothing; its reason and node index say why
   */
  public static Optional<Bytes> verify(Bytes32 root, Bytes key, List<Bytes> proof)
      throws InvalidProofException {
    if (proof.isEmpty()) {
      if (root.equals(MerklePatriciaTrie.EMPTY_TRIE_ROOT)) {
        return Optional.empty();
      }
      throw new InvalidProofException(
          InvalidProofException.Reason.MISSING_NODE,
          0,
          "the proof is empty but root " + root.toHexString() + " is not the empty trie");
    }
    byte[] path = Nibbles.fromBytes(key.toArrayUnsafe());
    int used = 0;
    Node node = take(proof, used++, root.toArrayUnsafe());
    int at = 0;
    byte[] value;
    while (true) {
      Node next;
      switch (node) {
        case EmptyNode empty -> {
          value = null;
          next = null;
        }
        case LeafNode leaf -> {
          value = Nibbles.restEquals(path, at, leaf.path()) ? leaf.value() : null;
          next = null;
        }
        case ExtensionNode extension -> {
          value = null;
          if (Nibbles.startsWith(path, at, extension.path())) {
            at += extension.path().length;
            next = extension.child();
          } else {
            next = null;
          }
        }
        case BranchNode branch -> {
          value = at == path.length ? branch.value() : null;
          next = at == path.length ? null : branch.child(path[at++]);
        }
        case HashNode reference -> throw new AssertionError("decoder returned " + reference);
      }
      if (next == null) {
        break;
      }
      if (next instanceof HashNode reference) {
        if (used == proof.size()) {
          throw new InvalidProofException(
              InvalidProofException.Reason.MISSING_NODE,
              used,
              "the proof ends before node "
                  + reference.hashBytes().toHexString()
                  + " needed for key "
                  + key.toHexString());
        }
        node = take(proof, used++, reference.hash());
      } else {
        node = next;
      }
    }
    if (used != proof.size()) {
      throw new InvalidProofException(
          InvalidProofException.Reason.UNUSED_NODES,
          used,
          (proof.size() - used) + " node(s) after the one that resolves key " + key.toHexString());
    }
    return value == null ? Optional.empty() : Optional.of(Bytes.wrap(value));
  }

  private static Node take(List<Bytes> proof, int index, byte[] expectedHash)
      throws InvalidProofException {
    byte[] encoding = proof.get(index).toArray();
    byte[] actual = Keccak256.hash(encoding, 0, encoding.length);
    if (!java.util.Arrays.equals(actual, expectedHash)) {
      InvalidProofException.Reason reason =
          index == 0
              ? InvalidProofException.Reason.ROOT_MISMATCH
              : InvalidProofException.Reason.HASH_MISMATCH;
      throw new InvalidProofException(
          reason,
          index,
          "node hashes to "
              + Bytes.wrap(actual).toHexString()
              + ", expected "
              + Bytes.wrap(expectedHash).toHexString());
    }
    try {
      return NodeDecoder.decode(encoding, actual);
    } catch (MalformedNodeException e) {
      throw new InvalidProofException(
          InvalidProofException.Reason.MALFORMED_NODE, index, e.getMessage(), e);
    }
  }
}
