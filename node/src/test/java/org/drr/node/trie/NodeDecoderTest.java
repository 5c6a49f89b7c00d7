package org.drr.node.trie;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;
import org.apache.tuweni.bytes.Bytes;
import org.drr.node.rlp.RlpWriter;
import org.junit.jupiter.api.Test;

class NodeDecoderTest {
  private static byte[] list(Consumer<RlpWriter> items) {
    RlpWriter writer = new RlpWriter();
    writer.startList();
    items.accept(writer);
    writer.endList();
    return writer.toByteArray();
  }

  private static void assertMalformed(byte[] encoding, String expected) {
    MalformedNodeException e =
        assertThrows(MalformedNodeException.class, () -> NodeDecoder.decode(encoding, null));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void decodesWhatNodesEncode() {
    Node[] children = BranchNode.emptyChildren();
    children[3] = new LeafNode(new byte[] {1, 2}, new byte[] {9});
    children[7] = new HashNode(new byte[32]);
    BranchNode branch = new BranchNode(children, new byte[] {5});
    Node decoded = NodeDecoder.decode(branch.encoding(), null);
    BranchNode copy = assertInstanceOf(BranchNode.class, decoded);
    // encode() works from the decoded fields, not the cached encoding
    assertArrayEquals(branch.encoding(), copy.encode());
    assertInstanceOf(LeafNode.class, copy.child(3));
    assertInstanceOf(HashNode.class, copy.child(7));
  }

  @Test
  void refusesNonCanonicalNodes() {
    assertMalformed(list(w -> w.writeBytes(new byte[] {0x20})), "found 1");
    assertMalformed(
        list(w -> w.writeBytes(new byte[0]).writeBytes(new byte[0]).writeBytes(new byte[0])),
        "found 3");
    assertMalformed(new byte[] {(byte) 0x82, 1, 2}, "found a string");
    assertMalformed(
        list(w -> w.writeBytes(new byte[] {0x20}).writeBytes(new byte[0])), "leaf value is empty");
    assertMalformed(
        list(w -> w.writeBytes(new byte[] {0x00}).writeBytes(new byte[32])),
        "extension path is empty");
    assertMalformed(
        list(w -> w.writeBytes(new byte[] {0x11}).writeBytes(new byte[5])), "5-byte string");
    byte[] bigLeaf = new LeafNode(new byte[] {1}, new byte[40]).encoding();
    assertMalformed(
        list(w -> w.writeBytes(new byte[] {0x11}).writeRaw(Bytes.wrap(bigLeaf))),
        "referenced by hash");
    assertMalformed(
        list(
            w -> {
              for (int i = 0; i < 16; i++) {
                w.writeBytes(new byte[0]);
              }
              w.startList().endList();
            }),
        "branch value must be a string");
    assertMalformed(
        list(
            w -> {
              for (int i = 0; i < 18; i++) {
                w.writeBytes(new byte[0]);
              }
            }),
        "found 18");
    assertMalformed(new byte[] {(byte) 0xc2, (byte) 0x80}, "not valid RLP");
  }
}
