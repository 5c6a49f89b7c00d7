package org.drr.node.trie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.crypto.Keccak256;
import org.drr.node.trie.InvalidProofException.Reason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MerkleProofTest {
  private InMemoryNodeStore store;
  private MerklePatriciaTrie trie;
  private Bytes32 root;

  private static Bytes text(String s) {
    return Bytes.wrap(s.getBytes(StandardCharsets.UTF_8));
  }

  private static Bytes key(int i) {
    return Keccak256.hash(Bytes.ofUnsignedInt(i));
  }

  @BeforeEach
  void buildTrie() {
    store = new InMemoryNodeStore();
    trie = new MerklePatriciaTrie(store);
    for (int i = 0; i < 300; i++) {
      trie.put(key(i), text("value " + i));
    }
    trie.put(text("short"), text("x")); // small nodes get inlined somewhere in the path
    trie.put(text("shorter"), text("y"));
    root = trie.commit();
  }

  @Test
  void provesPresentKeysAndTheAbsenceOfOthers() throws InvalidProofException {
    MerklePatriciaTrie reopened = new MerklePatriciaTrie(store, root);
    for (int i = 0; i < 300; i += 7) {
      assertEquals(
          Optional.of(text("value " + i)),
          MerkleProof.verify(root, key(i), reopened.proof(key(i))));
    }
    assertEquals(
        Optional.of(text("y")),
        MerkleProof.verify(root, text("shorter"), trie.proof(text("shorter"))));
    for (int i = 1000; i < 1050; i++) {
      assertEquals(Optional.empty(), MerkleProof.verify(root, key(i), reopened.proof(key(i))));
    }
    assertEquals(
        Optional.empty(), MerkleProof.verify(root, text("shor"), trie.proof(text("shor"))));
    assertEquals(Optional.empty(), MerkleProof.verify(root, Bytes.EMPTY, trie.proof(Bytes.EMPTY)));
  }

  /** Small keys and values make inlined nodes, branch values and short paths common. */
  @Test
  void everyKeyOfRandomSmallTriesIsProvenPresentOrAbsent() throws InvalidProofException {
    Random random = new Random(5);
    for (int round = 0; round < 100; round++) {
      MerklePatriciaTrie small = new MerklePatriciaTrie(new InMemoryNodeStore());
      Map<Bytes, Bytes> contents = new HashMap<>();
      for (int i = 0; i < 1 + random.nextInt(30); i++) {
        byte[] keyBytes = new byte[random.nextInt(4)];
        for (int j = 0; j < keyBytes.length; j++) {
          keyBytes[j] = (byte) random.nextInt(4);
        }
        Bytes k = Bytes.wrap(keyBytes);
        Bytes v = Bytes.of((byte) (1 + random.nextInt(200)));
        small.put(k, v);
        contents.put(k, v);
      }
      Bytes32 smallRoot = small.rootHash();
      for (int a = 0; a < 4; a++) {
        for (int b = 0; b < 4; b++) {
          for (Bytes k : List.of(Bytes.EMPTY, Bytes.of(a), Bytes.of(a, b), Bytes.of(a, b, a))) {
            assertEquals(
                Optional.ofNullable(contents.get(k)),
                MerkleProof.verify(smallRoot, k, small.proof(k)),
                "round " + round + " key " + k);
          }
        }
      }
    }
  }

  @Test
  void proofsOfUncommittedChangesVerifyAgainstTheCurrentRoot() throws InvalidProofException {
    trie.put(key(5), text("updated"));
    assertEquals(
        Optional.of(text("updated")),
        MerkleProof.verify(trie.rootHash(), key(5), trie.proof(key(5))));
  }

  @Test
  void theEmptyTrieProvesAbsenceWithAnEmptyProof() throws InvalidProofException {
    MerklePatriciaTrie empty = new MerklePatriciaTrie(new InMemoryNodeStore());
    assertEquals(List.of(), empty.proof(text("k")));
    assertEquals(
        Optional.empty(),
        MerkleProof.verify(MerklePatriciaTrie.EMPTY_TRIE_ROOT, text("k"), List.of()));
    InvalidProofException e =
        assertThrows(
            InvalidProofException.class, () -> MerkleProof.verify(root, key(1), List.of()));
    assertEquals(Reason.MISSING_NODE, e.reason());
  }

  @Test
  void aSingleSmallRootNodeIsItsOwnProof() throws InvalidProofException {
    MerklePatriciaTrie tiny = new MerklePatriciaTrie(new InMemoryNodeStore());
    tiny.put(text("a"), text("b"));
    List<Bytes> proof = tiny.proof(text("a"));
    assertEquals(1, proof.size());
    assertTrue(proof.get(0).size() < 32);
    assertEquals(Optional.of(text("b")), MerkleProof.verify(tiny.rootHash(), text("a"), proof));
  }

  @Test
  void aChangedByteInAnyNodeIsCaught() {
    List<Bytes> proof = trie.proof(key(42));
    assertTrue(proof.size() >= 3, "proof has " + proof.size() + " nodes");
    for (int index = 0; index < proof.size(); index++) {
      List<Bytes> tampered = new ArrayList<>(proof);
      byte[] node = tampered.get(index).toArray();
      node[node.length - 1] ^= 1;
      tampered.set(index, Bytes.wrap(node));
      int at = index;
      InvalidProofException e =
          assertThrows(
              InvalidProofException.class, () -> MerkleProof.verify(root, key(42), tampered));
      assertEquals(index == 0 ? Reason.ROOT_MISMATCH : Reason.HASH_MISMATCH, e.reason());
      assertEquals(at, e.nodeIndex());
    }
  }

  @Test
  void aProofForAnotherRootIsCaught() {
    trie.put(key(1), text("other"));
    Bytes32 otherRoot = trie.commit();
    List<Bytes> proofUnderOtherRoot = trie.proof(key(1));
    InvalidProofException e =
        assertThrows(
            InvalidProofException.class,
            () -> MerkleProof.verify(root, key(1), proofUnderOtherRoot));
    assertEquals(Reason.ROOT_MISMATCH, e.reason());
    assertTrue(e.getMessage().contains(root.toHexString()), e.getMessage());
    assertTrue(!root.equals(otherRoot));
  }

  @Test
  void aTruncatedProofIsMissingANode() {
    List<Bytes> proof = trie.proof(key(42));
    List<Bytes> truncated = proof.subList(0, proof.size() - 1);
    InvalidProofException e =
        assertThrows(
            InvalidProofException.class, () -> MerkleProof.verify(root, key(42), truncated));
    assertEquals(Reason.MISSING_NODE, e.reason());
    assertEquals(proof.size() - 1, e.nodeIndex());
  }

  @Test
  void extraNodesAfterTheAnswerAreRefused() {
    List<Bytes> padded = new ArrayList<>(trie.proof(key(42)));
    padded.add(trie.proof(key(43)).getLast());
    InvalidProofException e =
        assertThrows(InvalidProofException.class, () -> MerkleProof.verify(root, key(42), padded));
    assertEquals(Reason.UNUSED_NODES, e.reason());
  }

  @Test
  void aNodeThatHashesRightButIsNoTrieNodeIsMalformed() {
    Bytes notANode = Bytes.fromHexString("0xc3010203"); // a 3-item list
    InvalidProofException e =
        assertThrows(
            InvalidProofException.class,
            () -> MerkleProof.verify(Keccak256.hash(notANode), key(1), List.of(notANode)));
    assertEquals(Reason.MALFORMED_NODE, e.reason());
    Bytes badRlp = Bytes.fromHexString("0xf8"); // truncated long list header
    InvalidProofException rlp =
        assertThrows(
            InvalidProofException.class,
            () -> MerkleProof.verify(Keccak256.hash(badRlp), key(1), List.of(badRlp)));
    assertEquals(Reason.MALFORMED_NODE, rlp.reason());
  }

  @Test
  void secureTrieProofsAreProofsOfTheHashedKey() throws InvalidProofException {
    SecureMerklePatriciaTrie secure = new SecureMerklePatriciaTrie(new InMemoryNodeStore());
    for (int i = 0; i < 50; i++) {
      secure.put(Bytes.ofUnsignedInt(i), text("v" + i));
    }
    Bytes32 secureRoot = secure.commit();
    assertEquals(Optional.of(text("v9")), secure.get(Bytes.ofUnsignedInt(9)));
    assertEquals(Optional.of(text("v9")), secure.getByHash(Keccak256.hash(Bytes.ofUnsignedInt(9))));
    assertEquals(
        Optional.of(text("v9")),
        SecureMerklePatriciaTrie.verifyProof(
            secureRoot, Bytes.ofUnsignedInt(9), secure.proof(Bytes.ofUnsignedInt(9))));
    assertEquals(
        Optional.empty(),
        SecureMerklePatriciaTrie.verifyProof(
            secureRoot, Bytes.ofUnsignedInt(99), secure.proof(Bytes.ofUnsignedInt(99))));
  }
}
