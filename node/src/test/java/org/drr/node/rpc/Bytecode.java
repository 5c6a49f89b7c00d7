package org.drr.node.rpc;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;

/**
 * A tiny assembler for test contracts: opcodes, PUSHes and PUSH1 jumps to labels resolved in a
 * second pass. Enough to write the contracts the RPC tests need without a compiler.
 */
final class Bytecode {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final Map<String, Integer> labels = new HashMap<>();
  private final List<Map.Entry<Integer, String>> fixups = new ArrayList<>();

  Bytecode op(int... opcodes) {
    for (int op : opcodes) {
      out.write(op);
    }
    return this;
  }

  /** PUSHn of {@code value}'s bytes (n = length). */
  Bytecode push(Bytes value) {
    out.write(0x5f + value.size());
    out.writeBytes(value.toArrayUnsafe());
    return this;
  }

  Bytecode push(int value) {
    return value < 256 ? push(Bytes.of(value)) : push(Bytes.ofUnsignedShort(value));
  }

  /** PUSH1 of the label's offset (code must stay under 256 bytes). */
  Bytecode pushLabel(String label) {
    out.write(0x60);
    fixups.add(Map.entry(out.size(), label));
    out.write(0);
    return this;
  }

  Bytecode label(String label) {
    labels.put(label, out.size());
    out.write(0x5b); // JUMPDEST
    return this;
  }

  Bytes build() {
    byte[] code = out.toByteArray();
    for (Map.Entry<Integer, String> fixup : fixups) {
      Integer target = labels.get(fixup.getValue());
      if (target == null || target > 255) {
        throw new IllegalStateException("label " + fixup.getValue() + " unresolved or > 255");
      }
      code[fixup.getKey()] = (byte) (int) target;
    }
    return Bytes.wrap(code);
  }

  /** Init code that deploys {@code runtime} (under 256 bytes) as the contract's code. */
  static Bytes deployment(Bytes runtime) {
    Bytes init =
        new Bytecode()
            .push(runtime.size())
            .op(0x80) // DUP1
            .push(0x0b) // offset of runtime = length of this prefix
            .push(0)
            .op(0x39) // CODECOPY
            .push(0)
            .op(0xf3) // RETURN
            .build();
    return Bytes.concatenate(init, runtime);
  }
}
