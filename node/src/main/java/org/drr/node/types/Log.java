package org.drr.node.types;

import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.crypto.Keccak256;
import org.drr.node.rlp.RlpReader;
import org.drr.node.rlp.RlpWriter;

/** An event log: {@code rlp([address, [topic...], data])}. At most four topics. */
public record Log(Address address, List<Bytes32> topics, Bytes data) {
  public Log {
    topics = List.copyOf(topics);
    if (topics.size() > 4) {
      throw new IllegalArgumentException("a log has at most 4 topics; got " + topics.size());
    }
  }

  public void writeTo(RlpWriter writer) {
    writer.startList();
    address.writeTo(writer);
    writer.startList();
    for (Bytes32 topic : topics) {
      writer.writeBytes(topic);
    }
    writer.endList();
    writer.writeBytes(data);
    writer.endList();
  }

  public static Log readFrom(RlpReader reader) {
    RlpReader fields = reader.readList();
    Address address = Address.readFrom(fields);
    RlpReader topicReader = fields.readList();
    List<Bytes32> topics = new ArrayList<>(4);
    while (topicReader.hasNext()) {
      topics.add(topicReader.readBytes32());
    }
    Bytes data = fields.readBytes();
    fields.requireEnd();
    return new Log(address, topics, data);
  }

  /** Writes {@code logs} as one RLP list. */
  public static void writeList(List<Log> logs, RlpWriter writer) {
    writer.startList();
    for (Log log : logs) {
      log.writeTo(writer);
    }
    writer.endList();
  }

  public static List<Log> readList(RlpReader reader) {
    RlpReader items = reader.readList();
    List<Log> logs = new ArrayList<>();
    while (items.hasNext()) {
      logs.add(readFrom(items));
    }
    return logs;
  }

  /** keccak(rlp(logs)): the "logs" hash the GeneralStateTests compare. */
  public static Bytes32 hashOf(List<Log> logs) {
    RlpWriter writer = new RlpWriter();
    writeList(logs, writer);
    return Keccak256.hash(writer.toBytes());
  }
}
