package org.drr.node.types;

import java.util.Locale;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.crypto.Keccak256;
import org.drr.node.rlp.RlpReader;
import org.drr.node.rlp.RlpWriter;

/**
 * A 20-byte account address. Equality is by content. {@link #toString()} is the EIP-55 checksum
 * form ({@code 0x5aAeb6…}); {@link #toHexString()} the lower-case form.
 */
public record Address(Bytes bytes) implements Comparable<Address> {
  public static final int SIZE = 20;
  public static final Address ZERO = new Address(Bytes.wrap(new byte[SIZE]));

  /**
   * @throws IllegalArgumentException if {@code bytes} is not exactly 20 bytes
   */
  public Address {
    if (bytes.size() != SIZE) {
      throw new IllegalArgumentException(
          "an address is 20 bytes; got " + bytes.size() + ": " + bytes.toHexString());
    }
  }

  public static Address wrap(Bytes bytes) {
    return new Address(bytes);
  }

  /**
   * Parses {@code 0x}-prefixed or bare hex. Mixed-case input must carry a valid EIP-55 checksum;
   * all-lower or all-upper input is accepted as is.
   *
   * @throws IllegalArgumentException on bad hex, wrong length or a wrong checksum
   */
  public static Address fromHexString(String hex) {
    String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    if (digits.length() != 2 * SIZE) {
      throw new IllegalArgumentException(
          "an address is 40 hex digits; got " + digits.length() + ": " + hex);
    }
    Address address = new Address(Bytes.fromHexString(digits));
    boolean mixedCase =
        !digits.equals(digits.toLowerCase(Locale.ROOT))
            && !digits.equals(digits.toUpperCase(Locale.ROOT));
    if (mixedCase && !address.toChecksumString().substring(2).equals(digits)) {
      throw new IllegalArgumentException(
          "bad EIP-55 checksum in " + hex + "; expected " + address.toChecksumString());
    }
    return address;
  }

  /** The low 20 bytes of a 32-byte word, as the EVM turns a stack value into an address. */
  public static Address fromWord(Bytes32 word) {
    return new Address(word.slice(12, SIZE));
  }

  /** The address of an uncompressed public key given as 64 bytes (x ‖ y, no 0x04 prefix). */
  public static Address fromPublicKey(Bytes publicKey) {
    if (publicKey.size() != 64) {
      throw new IllegalArgumentException(
          "public key must be 64 bytes (x||y); got " + publicKey.size());
    }
    return new Address(Keccak256.hash(publicKey).slice(12, SIZE));
  }

  /** The address CREATE gives a contract: keccak(rlp([sender, nonce]))[12:]. */
  public static Address contractAddress(Address sender, long nonce) {
    RlpWriter writer = new RlpWriter(32);
    writer.startList().writeBytes(sender.bytes).writeUnsignedLong(nonce).endList();
    return new Address(Keccak256.hash(writer.toBytes()).slice(12, SIZE));
  }

  /** The address CREATE2 gives a contract: keccak(0xff ‖ sender ‖ salt ‖ keccak(init))[12:]. */
  public static Address create2Address(Address sender, Bytes32 salt, Bytes32 initCodeHash) {
    Bytes preimage = Bytes.concatenate(Bytes.of(0xff), sender.bytes, salt, initCodeHash);
    return new Address(Keccak256.hash(preimage).slice(12, SIZE));
  }

  /** The precompile at {@code 0x00..00n}. */
  public static Address precompile(int n) {
    byte[] bytes = new byte[SIZE];
    bytes[SIZE - 2] = (byte) (n >>> 8);
    bytes[SIZE - 1] = (byte) n;
    return new Address(Bytes.wrap(bytes));
  }

  /** Reads a 20-byte RLP string. */
  public static Address readFrom(RlpReader reader) {
    return new Address(reader.readBytes(SIZE));
  }

  public void writeTo(RlpWriter writer) {
    writer.writeBytes(bytes);
  }

  /** This address left-padded to a 32-byte word. */
  public Bytes32 toWord() {
    return Bytes32.leftPad(bytes);
  }

  /** Lower-case hex with {@code 0x}. */
  public String toHexString() {
    return bytes.toHexString();
  }

  /** The EIP-55 mixed-case checksum form. */
  public String toChecksumString() {
    String lower = bytes.toUnprefixedHexString();
    Bytes32 hash =
        Keccak256.hash(Bytes.wrap(lower.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    StringBuilder out = new StringBuilder(42).append("0x");
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      int nibble = (hash.get(i / 2) >> (i % 2 == 0 ? 4 : 0)) & 0xf;
      out.append(c >= 'a' && nibble >= 8 ? Character.toUpperCase(c) : c);
    }
    return out.toString();
  }

  @Override
  public int compareTo(Address other) {
    return bytes.compareTo(other.bytes);
  }

  @Override
  public String toString() {
    return toChecksumString();
  }
}
