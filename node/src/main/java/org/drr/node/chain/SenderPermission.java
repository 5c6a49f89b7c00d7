package org.drr.node.chain;

import org.drr.node.types.Address;

/**
 * Decides whether an account may submit transactions (account permissioning). The pool asks on
 * entry; a chain without the registry uses {@link #ALLOW_ALL}.
 */
@FunctionalInterface
public interface SenderPermission {
  SenderPermission ALLOW_ALL = sender -> true;

  boolean isPermitted(Address sender);
}
