package org.drr.node.rpc;

import java.util.List;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.types.Address;
import org.drr.node.types.Log;

/**
 * A log filter over an inclusive block range, with Ethereum's matching rules: a log matches if its
 * address is one of {@code addresses} (any address when empty), and for each position i of {@code
 * topics}, the list at i is empty (wildcard) or contains the log's topic i.
 *
 * @param fromBlock first block, inclusive
 * @param toBlock last block, inclusive, at least {@code fromBlock}
 * @param addresses accepted emitters; empty for any
 * @param topics per position, the accepted topics; an empty list is a wildcard
 */
public record LogQuery(
    long fromBlock, long toBlock, List<Address> addresses, List<List<Bytes32>> topics) {
  public LogQuery {
    if (fromBlock < 0 || toBlock < fromBlock) {
      throw new IllegalArgumentException(
          "log query range must satisfy 0 <= fromBlock <= toBlock; got fromBlock="
              + fromBlock
              + " toBlock="
              + toBlock);
    }
    if (topics.size() > 4) {
      throw new IllegalArgumentException("a log has at most 4 topics; filter has " + topics.size());
    }
    addresses = List.copyOf(addresses);
    topics = topics.stream().map(List::copyOf).toList();
  }

  /** Whether {@code log} passes the address and topic filters (the block range is not checked). */
  public boolean matches(Log log) {
    if (!addresses.isEmpty() && !addresses.contains(log.address())) {
      return false;
    }
    for (int i = 0; i < topics.size(); i++) {
      List<Bytes32> accepted = topics.get(i);
      if (accepted.isEmpty()) {
        continue;
      }
      if (i >= log.topics().size() || !accepted.contains(log.topics().get(i))) {
        return false;
      }
    }
    return true;
  }
}
