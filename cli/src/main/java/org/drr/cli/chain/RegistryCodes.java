package org.drr.cli.chain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Names for the registry's numeric codes ({@code DrrTypes.sol}: regions, kinds, categories,
 * statuses, reasons), so decoded events and errors print {@code HK} rather than {@code 1}.
 *
 * <p>The ABI carries only {@code uint8}; which code table applies is decided by the parameter
 * name, with overrides where one name means different things in different events or errors
 * ({@code status}, {@code reason}).
 */
public final class RegistryCodes {
  public static final List<String> REGIONS = List.of("GD", "HK", "MO");
  public static final List<String> KINDS =
      List.of("ENTERPRISE", "EXCHANGE", "AUTHORITY", "COURT", "MEDIATOR", "AUDITOR");
  public static final List<String> CATEGORIES = List.of("PUBLIC", "ENTERPRISE", "PERSONAL");
  public static final List<String> CLASSIFICATIONS = List.of("GENERAL", "IMPORTANT", "CORE");
  public static final List<String> RIGHTS = List.of("HOLD", "USE", "OPERATE");
  public static final List<String> PARTICIPANT_STATUS = List.of("NONE", "ACTIVE", "SUSPENDED");
  public static final List<String> ASSET_STATUS = List.of("NONE", "ACTIVE", "CANCELLED");
  public static final List<String> OBJECTION_STATUS = List.of("NONE", "OPEN", "WITHDRAWN",
      "REGISTRATION_WITHDRAWN", "UPHELD", "DISMISSED");
  public static final List<String> GRANT_STATUS =
      List.of("NONE", "PENDING_APPROVAL", "ACTIVE", "REVOKED", "REJECTED");
  public static final List<String> VALIDITY = List.of("VALID", "NO_GRANT", "REVOKED",
      "NOT_APPROVED", "NOT_YET_VALID", "EXPIRED", "REGION_NOT_ALLOWED", "ASSET_CANCELLED",
      "NOT_HOLDER");
  public static final List<String> TRANSFER_STATUS = List.of("NONE", "AWAITING_APPROVAL",
      "AWAITING_ACCEPTANCE", "COMPLETED", "CANCELLED", "REJECTED", "VOIDED");
  public static final List<String> CASE_STATUS = List.of("NONE", "OPEN", "RULED", "SETTLED");
  public static final List<String> DECISIONS = List.of("ALLOWED", "NEEDS_APPROVAL", "FORBIDDEN");
  public static final List<String> DECISION_REASONS = List.of("NONE", "SAME_REGION", "CORE",
      "IMPORTANT", "PERSONAL", "NEGATIVE_LIST", "DEFAULT_ALLOWED", "PERSONAL_WHITELISTED",
      "NEGATIVE_LIST_WHITELISTED");
  public static final List<String> OUTCOMES = List.of("NONE", "DISMISS", "UPHOLD");
  public static final List<String> MOVED_VIA = List.of("NONE", "TRANSFER", "RULING");
  public static final List<String> SUBJECTS = List.of("NONE", "TRANSFER", "GRANT");

  /** Parameter name (lower-case) → code table, for names that mean one thing everywhere. */
  private static final Map<String, List<String>> BY_PARAM = Map.ofEntries(
      Map.entry("region", REGIONS),
      Map.entry("fromregion", REGIONS),
      Map.entry("toregion", REGIONS),
      Map.entry("originregion", REGIONS),
      Map.entry("kind", KINDS),
      Map.entry("requiredkind", KINDS),
      Map.entry("actualkind", KINDS),
      Map.entry("category", CATEGORIES),
      Map.entry("classification", CLASSIFICATIONS),
      Map.entry("parentclassification", CLASSIFICATIONS),
      Map.entry("right", RIGHTS),
      Map.entry("decision", DECISIONS),
      Map.entry("outcome", OUTCOMES),
      Map.entry("via", MOVED_VIA),
      Map.entry("subject", SUBJECTS),
      Map.entry("subjectkind", SUBJECTS));

  /** "Event-or-error.param" → code table, where the parameter name alone is ambiguous. */
  private static final Map<String, List<String>> BY_CONTEXT = Map.ofEntries(
      Map.entry("GrantNotValid.reason", VALIDITY),
      Map.entry("CrossBorderForbidden.reason", DECISION_REASONS),
      Map.entry("CrossBorderDecided.reason", DECISION_REASONS),
      Map.entry("TransferRequested.reason", DECISION_REASONS),
      Map.entry("GrantIssued.status", GRANT_STATUS),
      Map.entry("ObjectionNotOpen.status", OBJECTION_STATUS),
      Map.entry("GrantNotPending.status", GRANT_STATUS),
      Map.entry("GrantEnded.status", GRANT_STATUS),
      Map.entry("WrongTransferStatus.status", TRANSFER_STATUS),
      Map.entry("CaseClosed.status", CASE_STATUS),
      Map.entry("ObjectionClosed.status", OBJECTION_STATUS));

  private RegistryCodes() {}

  /** The name of {@code value} for parameter {@code param} of event or error {@code context}. */
  public static Optional<String> label(String context, String param, BigInteger value) {
    String lower = param.toLowerCase(Locale.ROOT);
    if (lower.endsWith("regions") || lower.equals("regionmask")) {
      return Optional.of(regionMask(value.intValue()));
    }
    List<String> table = BY_CONTEXT.get(context + "." + param);
    if (table == null) {
      table = BY_PARAM.get(lower);
    }
    if (table == null || value.signum() < 0
        || value.compareTo(BigInteger.valueOf(table.size())) >= 0) {
      return Optional.empty();
    }
    return Optional.of(table.get(value.intValue()));
  }

  /** A region bit mask (GD = 1, HK = 2, MO = 4) as {@code GD|HK}. */
  public static String regionMask(int mask) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < REGIONS.size(); i++) {
      if ((mask & (1 << i)) != 0) {
        names.add(REGIONS.get(i));
      }
    }
    return names.isEmpty() ? "none" : String.join("|", names);
  }
}
