package org.drr.node.rlp;

import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;

/**
 * A decoded RLP tree: a byte string or a list of items. Used where the shape is not known in
 * advance (tests, debugging); typed decoders use {@link RlpReader} directly.
 */
public sealed interface RlpItem {
  /** A byte string. */
  record Str(Bytes value) implements RlpItem {}

  /** A list of items. */
  record Lst(List<RlpItem> items) implements RlpItem {
    public Lst {
      items = List.copyOf(items);
    }
  }

  /** Appends this item's encoding to {@code writer}. */
  default void writeTo(RlpWriter writer) {
    switch (this) {
      case Str s -> writer.writeBytes(s.value());
      case Lst l -> {
        writer.startList();
        for (RlpItem item : l.items()) {
          item.writeTo(writer);
        }
        writer.endList();
      }
    }
  }

  /** Reads the next item of {@code reader} as a tree. */
  static RlpItem read(RlpReader reader) {
    if (!reader.nextIsList()) {
      return new Str(reader.readBytes());
    }
    RlpReader list = reader.readList();
    List<RlpItem> items = new ArrayList<>();
    while (list.hasNext()) {
      items.add(read(list));
    }
    return new Lst(items);
  }
}
