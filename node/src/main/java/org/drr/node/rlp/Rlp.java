package org.drr.node.rlp;

import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.tuweni.bytes.Bytes;

/** Entry points for one-shot encoding and decoding. */
public final class Rlp {
  /** The encoding of the empty string (also of the integer zero). */
  public static final Bytes EMPTY_STRING = Bytes.of(0x80);

  /** The encoding of the empty list. */
  public static final Bytes EMPTY_LIST = Bytes.of(0xc0);

  private Rlp() {}

  /** Encodes whatever {@code body} writes (usually one item). */
  public static Bytes encode(Consumer<RlpWriter> body) {
    RlpWriter writer = new RlpWriter();
    body.accept(writer);
    return writer.toBytes();
  }

  /** Encodes a list whose items {@code body} writes. */
  public static Bytes encodeList(Consumer<RlpWriter> body) {
    RlpWriter writer = new RlpWriter();
    writer.startList();
    body.accept(writer);
    writer.endList();
    return writer.toBytes();
  }

  /** Encodes one byte string. */
  public static Bytes encodeBytes(Bytes value) {
    return new RlpWriter(value.size() + 9).writeBytes(value).toBytes();
  }

  /**
   * Decodes exactly one item with {@code decoder}; the input must hold nothing after it.
   *
   * @throws RlpException if the input is malformed, non-canonical, or has trailing bytes
   */
  public static <T> T decode(Bytes input, Function<RlpReader, T> decoder) {
    RlpReader reader = RlpReader.of(input);
    T value = decoder.apply(reader);
    reader.requireEnd();
    return value;
  }

  /** Decodes exactly one byte string. */
  public static Bytes decodeBytes(Bytes input) {
    return decode(input, RlpReader::readBytes);
  }

  /** Decodes exactly one item as a tree, validating every nested item. */
  public static RlpItem decodeItem(Bytes input) {
    return decode(input, RlpItem::read);
  }
}
