package org.drr.node.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.rlp.RlpReader;
import org.drr.node.rlp.RlpWriter;
import org.junit.jupiter.api.Test;

class AddressTest {
  @Test
  void formatsTheEip55ChecksumVectors() {
    for (String expected :
        new String[] {
          "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
          "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
          "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
          "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"
        }) {
      Address address = Address.fromHexString(expected.toLowerCase());
      assertEquals(expected, address.toChecksumString());
      assertEquals(address, Address.fromHexString(expected));
    }
  }

  @Test
  void rejectsBadChecksumAndLength() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Address.fromHexString("0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"));
    assertEquals(
        "bad EIP-55 checksum in 0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed; expected "
            + "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Address.fromHexString("0x1234"));
    assertThrows(IllegalArgumentException.class, () -> new Address(Bytes.wrap(new byte[21])));
  }

  @Test
  void derivesContractAddresses() {
    Address sender = Address.fromHexString("0x6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0");
    assertEquals(
        Address.fromHexString("0xcd234a471b72ba2f1ccf0a70fcaba648a5eecd8d"),
        Address.contractAddress(sender, 0));
    assertEquals(
        Address.fromHexString("0x343c43a37d37dff08ae8c4a11544c718abb4fcf8"),
        Address.contractAddress(sender, 1));
    // EIP-1014 example 1: zero sender, zero salt, init code 0x00.
    assertEquals(
        Address.fromHexString("0x4D1A2e2bB4F88F0250f26Ffff098B0b30B26BF38"),
        Address.create2Address(
            Address.ZERO, Bytes32.ZERO, org.drr.node.crypto.Keccak256.hash(Bytes.of(0))));
  }

  @Test
  void convertsToAndFromWordsAndRlp() {
    Address a = Address.precompile(1);
    assertEquals("0x0000000000000000000000000000000000000001", a.toHexString());
    assertEquals(a, Address.fromWord(a.toWord()));
    RlpWriter w = new RlpWriter();
    a.writeTo(w);
    assertEquals(a, Address.readFrom(RlpReader.of(w.toBytes())));
  }
}
