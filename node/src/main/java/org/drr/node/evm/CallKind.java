package org.drr.node.evm;

/** The four message-call opcodes; they differ in context, value and static-ness. */
public enum CallKind {
  /** New context at the target, value transferred. */
  CALL,
  /** Target's code in the caller's context; value "transferred" to itself (checked only). */
  CALLCODE,
  /** Target's code in the caller's context with the caller's caller and value (EIP-7). */
  DELEGATECALL,
  /** CALL without value in which no state may change (EIP-214). */
  STATICCALL
}
