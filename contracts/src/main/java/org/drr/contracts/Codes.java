package org.drr.contracts;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The uint8 codes of the registry contracts ({@code DrrTypes.sol}), as Java enums.
 *
 * <p>Each enum's {@link Code#code()} is the value on chain; {@code CodesTest} checks every one
 * against the Solidity constants so the two cannot drift apart.
 */
public final class Codes {
  private Codes() {}

  /** A value with its on-chain code. */
  public interface Code {
    int code();
  }

  /** The enum constant of {@code type} whose code is {@code code}. */
  public static <E extends Enum<E> & Code> E fromCode(Class<E> type, int code) {
    for (E e : type.getEnumConstants()) {
      if (e.code() == code) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        "no " + type.getSimpleName() + " has code " + code + "; known: "
            + Arrays.toString(type.getEnumConstants()));
  }

  /** Home regions; a grant's region mask has bit {@code 1 << code} per region. */
  public enum Region implements Code {
    GD, HK, MO;

    @Override
    public int code() {
      return ordinal();
    }

    public int maskBit() {
      return 1 << ordinal();
    }
  }

  public enum ParticipantKind implements Code {
    ENTERPRISE, EXCHANGE, AUTHORITY, COURT, MEDIATOR, AUDITOR;

    @Override
    public int code() {
      return ordinal();
    }
  }

  public enum ParticipantStatus implements Code {
    NONE, ACTIVE, SUSPENDED;

    @Override
    public int code() {
      return ordinal();
    }
  }

  public enum Category implements Code {
    PUBLIC, ENTERPRISE, PERSONAL;

    @Override
    public int code() {
      return ordinal();
    }
  }

  /** Classification levels, least sensitive first. */
  public enum Classification implements Code {
    GENERAL, IMPORTANT, CORE;

    @Override
    public int code() {
      return ordinal();
    }
  }

  public enum AssetStatus implements Code {
    ACTIVE(1), CANCELLED(2);

    private final int code;

    AssetStatus(int code) {
      this.code = code;
    }

    @Override
    public int code() {
      return code;
    }
  }

  public enum Right implements Code {
    HOLD, USE, OPERATE;

    @Override
    public int code() {
      return ordinal();
    }
  }

  public enum GrantStatus implements Code {
    PENDING_APPROVAL(1), ACTIVE(2), REVOKED(3), REJECTED(4);

    private final int code;

    GrantStatus(int code) {
      this.code = code;
    }

    @Override
    public int code() {
      return code;
    }
  }

  /** Why checkRight / checkGrant answered as they did. */
  public enum Validity implements Code {
    VALID, NO_GRANT, REVOKED, NOT_APPROVED, NOT_YET_VALID, EXPIRED, REGION_NOT_ALLOWED,
    ASSET_CANCELLED, NOT_HOLDER;

    @Override
    public int code() {
      return ordinal();
    }
  }

  public enum Decision implements Code {
    ALLOWED, NEEDS_APPROVAL, FORBIDDEN;

    @Override
    public int code() {
      return ordinal();
    }
  }

  /** The step of the cross-border decision table that decided. */
  public enum DecisionReason implements Code {
    SAME_REGION(1), CORE(2), IMPORTANT(3), PERSONAL(4), NEGATIVE_LIST(5), DEFAULT_ALLOWED(6),
    PERSONAL_WHITELISTED(7), NEGATIVE_LIST_WHITELISTED(8);

    private final int code;

    DecisionReason(int code) {
      this.code = code;
    }

    @Override
    public int code() {
      return code;
    }
  }

  public enum Subject implements Code {
    TRANSFER(1), GRANT(2);

    private final int code;

    Subject(int code) {
      this.code = code;
    }

    @Override
    public int code() {
      return code;
    }
  }

  public enum TransferStatus implements Code {
    AWAITING_APPROVAL(1), AWAITING_ACCEPTANCE(2), COMPLETED(3), CANCELLED(4), REJECTED(5),
    VOIDED(6);

    private final int code;

    TransferStatus(int code) {
      this.code = code;
    }

    @Override
    public int code() {
      return code;
    }
  }

  public enum ObjectionStatus implements Code {
    OPEN(1), WITHDRAWN(2), REGISTRATION_WITHDRAWN(3), UPHELD(4), DISMISSED(5);

    private final int code;

    ObjectionStatus(int code) {
      this.code = code;
    }

    @Override
    public int code() {
      return code;
    }
  }

  /** What a ruling does to the asset's open objection. */
  public enum ObjectionOutcome implements Code {
    NONE, DISMISS, UPHOLD;

    @Override
    public int code() {
      return ordinal();
    }
  }

  public enum CaseStatus implements Code {
    OPEN(1), RULED(2), SETTLED(3);

    private final int code;

    CaseStatus(int code) {
      this.code = code;
    }

    @Override
    public int code() {
      return code;
    }
  }

  public enum MovedVia implements Code {
    TRANSFER(1), RULING(2);

    private final int code;

    MovedVia(int code) {
      this.code = code;
    }

    @Override
    public int code() {
      return code;
    }
  }

  /** Deepest sub-license chain a grant may allow below itself. */
  public static final int MAX_SUBLICENSE_DEPTH = 8;

  /**
   * Encodes a sector code ({@code finance}) as the contracts store it: UTF-8, left-aligned in 32
   * bytes, zero-padded.
   *
   * @throws IllegalArgumentException if empty, longer than 32 bytes, or containing a NUL
   */
  public static byte[] sector(String code) {
    byte[] utf8 = code.getBytes(StandardCharsets.UTF_8);
    if (utf8.length == 0 || utf8.length > 32) {
      throw new IllegalArgumentException(
          "sector code must be 1 to 32 UTF-8 bytes, got " + utf8.length + ": '" + code + "'");
    }
    for (byte b : utf8) {
      if (b == 0) {
        throw new IllegalArgumentException("sector code may not contain NUL: '" + code + "'");
      }
    }
    return Arrays.copyOf(utf8, 32);
  }

  /** The sector code stored in {@code bytes32} (trailing zero bytes removed). */
  public static String sectorName(byte[] bytes32) {
    int end = bytes32.length;
    while (end > 0 && bytes32[end - 1] == 0) {
      end--;
    }
    return new String(bytes32, 0, end, StandardCharsets.UTF_8);
  }
}
