package org.drr.node.chain;

import java.util.List;
import org.drr.node.storage.Column;

/**
 * The chain's RocksDB column families. Keys: block hash for headers, bodies and receipts; 8-byte
 * big-endian number for the canonical index; transaction hash for the location index; {@code
 * topic ‖ number ‖ txIndex ‖ logIndex ‖ topicPosition} for the log-topic index (so one topic's
 * history is one prefix scan, in chain order); address and {@code address ‖ slot} for the flat
 * state that the node reloads at start-up.
 */
public final class ChainColumns {
  public static final Column HEADERS = new Column("headers");
  public static final Column BODIES = new Column("bodies");
  public static final Column RECEIPTS = new Column("receipts");
  public static final Column CANONICAL = new Column("canonical");
  public static final Column TX_LOCATIONS = new Column("tx-locations");
  public static final Column LOG_TOPICS = new Column("log-topics");
  public static final Column FLAT_ACCOUNTS = new Column("flat-accounts");
  public static final Column FLAT_STORAGE = new Column("flat-storage");
  /**
   * keccak256(address or slot) → address or slot. No longer written: historical state is now read
   * lazily by key, which needs no preimages. Kept so data directories that have it still open.
   */
  public static final Column PREIMAGES = new Column("preimages");
  /** Single keys: {@code head} → hash of the head block. */
  public static final Column META = new Column("chain-meta");

  public static final List<Column> ALL =
      List.of(
          Column.TRIE_NODES, Column.CODE, HEADERS, BODIES, RECEIPTS, CANONICAL, TX_LOCATIONS,
          LOG_TOPICS, FLAT_ACCOUNTS, FLAT_STORAGE, PREIMAGES, META);

  private ChainColumns() {}
}
