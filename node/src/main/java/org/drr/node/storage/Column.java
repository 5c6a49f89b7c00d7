package org.drr.node.storage;

/**
 * A named RocksDB column family: one keyspace of the node's database, with its own tuning and its
 * own files, written atomically together with the others through a {@link StorageTransaction}.
 *
 * <p>Names are stored in the database, so renaming a constant's name orphans its data; add new
 * columns rather than renaming existing ones.
 *
 * @param name the column family name on disk; non-blank and not RocksDB's reserved "default"
 */
public record Column(String name) {
  /** Trie nodes by hash: keccak256(encoding) → RLP encoding. Content-addressed, never stale. */
  public static final Column TRIE_NODES = new Column("trie-nodes");

  /** Contract code by code hash: keccak256(code) → code. */
  public static final Column CODE = new Column("code");

  public Column {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("column name must be non-blank, got '" + name + "'");
    }
    if (name.equals("default")) {
      throw new IllegalArgumentException(
          "column name 'default' is reserved by RocksDB; choose a descriptive name");
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
