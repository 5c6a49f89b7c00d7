package org.drr.node.types;

import static org.drr.node.types.InvalidTransactionException.Reason.FEE_OVERFLOW;
import static org.drr.node.types.InvalidTransactionException.Reason.GAS_LIMIT_OVERFLOW;
import static org.drr.node.types.InvalidTransactionException.Reason.INVALID_CHAIN_ID;
import static org.drr.node.types.InvalidTransactionException.Reason.INVALID_SIGNATURE;
import static org.drr.node.types.InvalidTransactionException.Reason.MALFORMED_RLP;
import static org.drr.node.types.InvalidTransactionException.Reason.NONCE_OVERFLOW;
import static org.drr.node.types.InvalidTransactionException.Reason.UNSUPPORTED_TYPE;
import static org.drr.node.types.InvalidTransactionException.Reason.VALUE_OVERFLOW;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.drr.node.crypto.Signature;
import org.drr.node.rlp.RlpException;
import org.drr.node.rlp.RlpReader;

/**
 * Decodes a transaction from its EIP-2718 wire form: an RLP list (legacy) or a type byte followed
 * by an RLP list. Every field is read strictly (canonical RLP, exact field count, 20-byte
 * addresses, 32-byte storage keys, integers without leading zeros); a field too wide for its type
 * is refused with the specific overflow reason. Range rules that depend on the fork or the chain
 * (signature s ≤ n/2, chain id, intrinsic gas) are {@link TransactionValidator}'s.
 */
public final class TransactionDecoder {
  private static final BigInteger V_27 = BigInteger.valueOf(27);
  private static final BigInteger V_28 = BigInteger.valueOf(28);
  private static final BigInteger V_35 = BigInteger.valueOf(35);
  // Keeps chainId·2 + 36 within a long.
  private static final BigInteger MAX_LEGACY_CHAIN_ID = BigInteger.valueOf(Long.MAX_VALUE / 4);

  private TransactionDecoder() {}

  /**
   * Decodes a transaction in either wire form: the raw form ({@code eth_sendRawTransaction}: an
   * RLP list for legacy, type byte ‖ RLP list otherwise) or the block-body form, where a typed
   * transaction is wrapped in an RLP string.
   *
   * @throws InvalidTransactionException naming the reason (MALFORMED_RLP, UNSUPPORTED_TYPE for
   *     type 3 and unknown types, an overflow, INVALID_CHAIN_ID or INVALID_SIGNATURE for a v, r,
   *     s or y-parity that cannot be represented)
   */
  public static Transaction decode(Bytes raw) {
    if (raw.isEmpty()) {
      throw new InvalidTransactionException(MALFORMED_RLP, "empty transaction encoding");
    }
    int first = raw.get(0) & 0xff;
    try {
      if (first >= 0xc0) {
        return decodeLegacy(raw);
      }
      if (first < 0x80) {
        return decodeTyped(raw);
      }
      // Block-body form. Trailing bytes are checked last, after the content, as go-ethereum
      // does: the reference tests expect a bad type inside to be the reported error.
      RlpReader wrapper = RlpReader.of(raw);
      Transaction tx = decodeTyped(wrapper.readBytes());
      wrapper.requireEnd();
      return tx;
    } catch (RlpException e) {
      throw new InvalidTransactionException(MALFORMED_RLP, "transaction RLP: " + e.getMessage(), e);
    }
  }

  private static Transaction decodeTyped(Bytes envelope) {
    if (envelope.size() < 2) {
      throw new InvalidTransactionException(
          MALFORMED_RLP, "typed transaction of " + envelope.size() + " byte(s) has no body");
    }
    int typeByte = envelope.get(0) & 0xff;
    Bytes body = envelope.slice(1);
    if (typeByte >= 0x80) {
      throw new InvalidTransactionException(
          UNSUPPORTED_TYPE,
          String.format("transaction type byte 0x%02x is outside EIP-2718's 0x00-0x7f", typeByte));
    }
    if (typeByte == 1) {
      return decodeAccessList(body);
    }
    if (typeByte == 2) {
      return decodeEip1559(body);
    }
    if (typeByte == 3 || typeByte == 4) {
      // Types Ethereum defines (blob, set-code) but this ledger refuses: a body that is not even
      // one RLP list is reported as malformed first, as other clients do.
      RlpReader reader = RlpReader.of(body);
      reader.readList();
      reader.requireEnd();
    }
    UnsupportedTransactionTypeException refused = new UnsupportedTransactionTypeException(typeByte);
    throw new InvalidTransactionException(UNSUPPORTED_TYPE, refused.getMessage(), refused);
  }

  private static LegacyTransaction decodeLegacy(Bytes raw) {
    RlpReader outer = RlpReader.of(raw);
    RlpReader f = outer.readList();
    long nonce = u64(f, "nonce", NONCE_OVERFLOW);
    UInt256 gasPrice = u256(f, "gasPrice", FEE_OVERFLOW);
    long gasLimit = u64(f, "gasLimit", GAS_LIMIT_OVERFLOW);
    Optional<Address> to = readTo(f);
    UInt256 value = u256(f, "value", VALUE_OVERFLOW);
    Bytes data = f.readBytes();
    BigInteger v = f.readBigInteger();
    UInt256 r = u256(f, "r", INVALID_SIGNATURE);
    UInt256 s = u256(f, "s", INVALID_SIGNATURE);
    finish(f, outer, 9);

    OptionalLong chainId;
    int recoveryId;
    if (v.equals(V_27) || v.equals(V_28)) {
      chainId = OptionalLong.empty();
      recoveryId = v.intValue() - 27;
    } else if (v.signum() == 0 || v.equals(BigInteger.ONE)) {
      // go-ethereum and the reference tests treat v ∈ {0, 1} as an unprotected, invalid signature.
      throw new InvalidTransactionException(
          INVALID_SIGNATURE, "legacy v must be 27, 28 or chainId*2+35/36; got " + v);
    } else {
      BigInteger id = v.subtract(V_35).shiftRight(1);
      if (v.compareTo(V_35) < 0 || id.compareTo(MAX_LEGACY_CHAIN_ID) > 0) {
        throw new InvalidTransactionException(
            INVALID_CHAIN_ID, "legacy v " + v + " does not encode a valid EIP-155 chain id");
      }
      chainId = OptionalLong.of(id.longValueExact());
      recoveryId = v.subtract(V_35).testBit(0) ? 1 : 0;
    }
    return new LegacyTransaction(
        nonce, gasPrice, gasLimit, to, value, data, chainId, new Signature(r, s, recoveryId));
  }

  private static AccessListTransaction decodeAccessList(Bytes body) {
    RlpReader outer = RlpReader.of(body);
    RlpReader f = outer.readList();
    long chainId = chainId(f);
    long nonce = u64(f, "nonce", NONCE_OVERFLOW);
    UInt256 gasPrice = u256(f, "gasPrice", FEE_OVERFLOW);
    long gasLimit = u64(f, "gasLimit", GAS_LIMIT_OVERFLOW);
    Optional<Address> to = readTo(f);
    UInt256 value = u256(f, "value", VALUE_OVERFLOW);
    Bytes data = f.readBytes();
    List<AccessListEntry> accessList = readAccessList(f);
    Signature signature = typedSignature(f);
    finish(f, outer, 11);
    return new AccessListTransaction(
        chainId, nonce, gasPrice, gasLimit, to, value, data, accessList, signature);
  }

  private static Eip1559Transaction decodeEip1559(Bytes body) {
    RlpReader outer = RlpReader.of(body);
    RlpReader f = outer.readList();
    long chainId = chainId(f);
    long nonce = u64(f, "nonce", NONCE_OVERFLOW);
    UInt256 maxPriorityFee = u256(f, "maxPriorityFeePerGas", FEE_OVERFLOW);
    UInt256 maxFee = u256(f, "maxFeePerGas", FEE_OVERFLOW);
    long gasLimit = u64(f, "gasLimit", GAS_LIMIT_OVERFLOW);
    Optional<Address> to = readTo(f);
    UInt256 value = u256(f, "value", VALUE_OVERFLOW);
    Bytes data = f.readBytes();
    List<AccessListEntry> accessList = readAccessList(f);
    Signature signature = typedSignature(f);
    finish(f, outer, 12);
    return new Eip1559Transaction(
        chainId, nonce, maxPriorityFee, maxFee, gasLimit, to, value, data, accessList, signature);
  }

  private static long chainId(RlpReader f) {
    try {
      return f.readLong();
    } catch (RlpException e) {
      if (e.kind() == RlpException.Kind.VALUE_TOO_LARGE) {
        throw new InvalidTransactionException(INVALID_CHAIN_ID, "chainId: " + e.getMessage(), e);
      }
      throw e;
    }
  }

  private static Signature typedSignature(RlpReader f) {
    long yParity = u64(f, "yParity", INVALID_SIGNATURE);
    UInt256 r = u256(f, "r", INVALID_SIGNATURE);
    UInt256 s = u256(f, "s", INVALID_SIGNATURE);
    if (yParity != 0 && yParity != 1) {
      throw new InvalidTransactionException(
          INVALID_SIGNATURE, "yParity must be 0 or 1; got " + Long.toUnsignedString(yParity));
    }
    return new Signature(r, s, (int) yParity);
  }

  private static Optional<Address> readTo(RlpReader f) {
    if (f.nextIsEmptyString()) {
      f.skip();
      return Optional.empty();
    }
    int size = f.nextPayloadSize();
    if (f.nextIsList() || size != Address.SIZE) {
      throw new InvalidTransactionException(
          MALFORMED_RLP,
          "'to' must be empty or 20 bytes; got " + (f.nextIsList() ? "a list" : size + " bytes"));
    }
    return Optional.of(Address.readFrom(f));
  }

  private static List<AccessListEntry> readAccessList(RlpReader f) {
    try {
      return AccessListEntry.readList(f);
    } catch (RlpException e) {
      throw new InvalidTransactionException(MALFORMED_RLP, "access list: " + e.getMessage(), e);
    }
  }

  private static long u64(RlpReader f, String field, InvalidTransactionException.Reason overflow) {
    try {
      return f.readUnsignedLong();
    } catch (RlpException e) {
      throw fieldError(e, field, overflow);
    }
  }

  private static UInt256 u256(
      RlpReader f, String field, InvalidTransactionException.Reason overflow) {
    try {
      return f.readUInt256();
    } catch (RlpException e) {
      throw fieldError(e, field, overflow);
    }
  }

  private static InvalidTransactionException fieldError(
      RlpException e, String field, InvalidTransactionException.Reason overflow) {
    InvalidTransactionException.Reason reason =
        e.kind() == RlpException.Kind.VALUE_TOO_LARGE ? overflow : MALFORMED_RLP;
    return new InvalidTransactionException(reason, field + ": " + e.getMessage(), e);
  }

  private static void finish(RlpReader fields, RlpReader outer, int expected) {
    if (fields.hasNext()) {
      throw new InvalidTransactionException(
          MALFORMED_RLP, "transaction has more than " + expected + " fields");
    }
    outer.requireEnd();
  }
}
