/**
 * The Merkle Patricia Trie (Yellow Paper appendix D): Ethereum's authenticated map behind the state
 * root, storage roots, and transaction and receipt roots, and the source of Merkle proofs ({@code
 * eth_getProof}, court provenance proofs).
 *
 * <ul>
 *   <li>{@link org.drr.node.trie.MerklePatriciaTrie}: get, put, delete, root hash, commit, proof,
 *       ordered iteration; {@link org.drr.node.trie.SecureMerklePatriciaTrie} is the same keyed by
 *       keccak-256 (state and storage tries).
 *   <li>{@link org.drr.node.trie.MerkleProof}: verifies a proof against a root, returning the value
 *       or proven absence, or an {@link org.drr.node.trie.InvalidProofException} saying what is
 *       wrong.
 *   <li>{@link org.drr.node.trie.NodeStore}: where nodes live (hash → RLP), written in {@link
 *       org.drr.node.trie.NodeBatch}es; {@link org.drr.node.trie.InMemoryNodeStore} here, the
 *       RocksDB one in {@code org.drr.node.storage}. {@link org.drr.node.trie.NodeCache} keeps
 *       decoded nodes shared by every trie over one store.
 * </ul>
 *
 * <p>Inside, nodes are an immutable sealed hierarchy (empty, leaf, extension, branch, and a hash
 * reference to a node not loaded yet); updates copy the changed path and share the rest, so
 * encodings and hashes are computed once per node and a commit writes only new nodes.
 */
package org.drr.node.trie;
