package org.drr.node.types;

import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.rlp.RlpReader;
import org.drr.node.rlp.RlpWriter;

/** One EIP-2930 access-list entry: {@code rlp([address, [storageKey...]])}. */
public record AccessListEntry(Address address, List<Bytes32> storageKeys) {
  public AccessListEntry {
    storageKeys = List.copyOf(storageKeys);
  }

  public void writeTo(RlpWriter writer) {
    writer.startList();
    address.writeTo(writer);
    writer.startList();
    for (Bytes32 key : storageKeys) {
      writer.writeBytes(key);
    }
    writer.endList();
    writer.endList();
  }

  public static AccessListEntry readFrom(RlpReader reader) {
    RlpReader fields = reader.readList();
    Address address = Address.readFrom(fields);
    RlpReader keyReader = fields.readList();
    List<Bytes32> keys = new ArrayList<>();
    while (keyReader.hasNext()) {
      keys.add(keyReader.readBytes32());
    }
    fields.requireEnd();
    return new AccessListEntry(address, keys);
  }

  /** Writes a whole access list as one RLP list. */
  public static void writeList(List<AccessListEntry> entries, RlpWriter writer) {
    writer.startList();
    for (AccessListEntry entry : entries) {
      entry.writeTo(writer);
    }
    writer.endList();
  }

  public static List<AccessListEntry> readList(RlpReader reader) {
    RlpReader items = reader.readList();
    List<AccessListEntry> entries = new ArrayList<>();
    while (items.hasNext()) {
      entries.add(readFrom(items));
    }
    return List.copyOf(entries);
  }
}
