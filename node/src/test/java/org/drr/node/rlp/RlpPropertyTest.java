package org.drr.node.rlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

/** Seeded random round trips and corruptions: the codec's contract over many shapes. */
class RlpPropertyTest {
  private static RlpItem randomItem(Random random, int depth) {
    if (depth > 3 || random.nextInt(3) > 0) {
      int size = random.nextInt(4) == 0 ? random.nextInt(300) : random.nextInt(3);
      byte[] bytes = new byte[size];
      random.nextBytes(bytes);
      return new RlpItem.Str(Bytes.wrap(bytes));
    }
    List<RlpItem> items = new ArrayList<>();
    int n = random.nextInt(6);
    for (int i = 0; i < n; i++) {
      items.add(randomItem(random, depth + 1));
    }
    return new RlpItem.Lst(items);
  }

  @Test
  void everyTreeRoundTrips() {
    Random random = new Random(2024);
    for (int i = 0; i < 2000; i++) {
      RlpItem tree = randomItem(random, 0);
      RlpWriter writer = new RlpWriter(8);
      tree.writeTo(writer);
      assertEquals(tree, Rlp.decodeItem(writer.toBytes()));
    }
  }

  @Test
  void corruptedInputEitherDecodesCanonicallyOrFailsWithRlpException() {
    Random random = new Random(7);
    for (int i = 0; i < 5000; i++) {
      RlpWriter writer = new RlpWriter(8);
      randomItem(random, 0).writeTo(writer);
      byte[] bytes = writer.toByteArray();
      if (bytes.length > 0) {
        bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
      }
      if (random.nextBoolean() && bytes.length > 1) {
        bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
      }
      Bytes input = Bytes.wrap(bytes);
      RlpItem decoded;
      try {
        decoded = Rlp.decodeItem(input);
      } catch (RlpException expected) {
        continue;
      }
      // Whatever strict decoding accepts must be the one canonical encoding of its value.
      RlpWriter again = new RlpWriter();
      decoded.writeTo(again);
      assertEquals(input, again.toBytes());
    }
  }
}
