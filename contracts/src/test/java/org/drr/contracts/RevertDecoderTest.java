package org.drr.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.protocol.core.Response;

class RevertDecoderTest {
  private static final RevertDecoder DECODER = RevertDecoder.fromClasspath();
  private static final String CALLER = "0x9965507d1a55bcc2695c58ba16fb37d819b0a4dc";

  private static String revert(String signature, Type<?>... args) {
    return RevertDecoder.selectorOf(signature) + FunctionEncoder.encodeConstructor(List.of(args));
  }

  @Test
  void decodesACustomErrorWithItsArgumentNames() {
    String data = revert("NotHolder(uint256,address)", new Uint256(3), new Address(CALLER));
    assertEquals("NotHolder(assetId=3, caller=0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc)",
        DECODER.describe(data));
    var decoded = DECODER.decode(data).orElseThrow();
    assertEquals("NotHolder(uint256,address)", decoded.signature());
    assertEquals("assetId", decoded.arguments().get(0).name());
  }

  @Test
  void decodesSmallIntegersAndStrings() {
    assertEquals("CrossBorderForbidden(assetId=7, fromRegion=0, toRegion=1, reason=2)",
        DECODER.describe(revert("CrossBorderForbidden(uint256,uint8,uint8,uint8)",
            new Uint256(7), new Uint8(0), new Uint8(1), new Uint8(2))));
    assertEquals("MissingField(field=\"scenario\")",
        DECODER.describe(revert("MissingField(string)", new Utf8String("scenario"))));
  }

  @Test
  void understandsTheBuiltInErrorAndPanic() {
    assertEquals("Error(\"boom\")", DECODER.describe(revert("Error(string)",
        new Utf8String("boom"))));
    assertEquals("Panic(0x11 arithmetic overflow or underflow)",
        DECODER.describe(revert("Panic(uint256)", new Uint256(BigInteger.valueOf(0x11)))));
  }

  @Test
  void saysWhatItCannotDecode() {
    assertEquals("reverted without a reason", DECODER.describe("0x"));
    assertEquals("reverted without a reason", DECODER.describe(null));
    assertEquals("reverted with unknown error 0xdeadbeef (6 bytes of data)",
        DECODER.describe("0xdeadbeef0102"));
    assertEquals("reverted with malformed data 0x12", DECODER.describe("0x12"));
    String truncated = RevertDecoder.selectorOf("NotHolder(uint256,address)") + "00";
    assertEquals("reverted with NotHolder(uint256,address) but its 1 bytes of arguments do not "
        + "decode", DECODER.describe(truncated));
    assertEquals(Optional.empty(), DECODER.decode(truncated));
  }

  private static Response.Error rpcError(int code, String message, String data) {
    Response.Error error = new Response.Error(code, message);
    error.setData(data);
    return error;
  }

  @Test
  void findsRevertDataInJsonRpcErrors() {
    String data = revert("UnknownAsset(uint256)", new Uint256(9));
    assertEquals(Optional.of(data), RevertDecoder.revertDataOf(
        rpcError(3, "execution reverted", data)));
    assertEquals(Optional.of(data), RevertDecoder.revertDataOf(
        rpcError(3, "execution reverted", "\"" + data + "\"")));
    assertEquals(Optional.of(data), RevertDecoder.revertDataOf(
        rpcError(-32000, "reverted", "{\"data\":\"" + data + "\"}")));
    assertEquals(Optional.empty(), RevertDecoder.revertDataOf(
        rpcError(-32000, "nonce too low", null)));
  }

  @Test
  void listsEveryDeclaredError() {
    var declared = DECODER.declaredErrors();
    assertTrue(declared.contains("NotHolder(uint256,address)"), declared::toString);
    assertTrue(declared.contains("OpenObjection(uint256,uint256)"), declared::toString);
    assertTrue(declared.contains("NotActiveParticipant(address)"), declared::toString);
  }
}
