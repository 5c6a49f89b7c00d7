/**
 * Immutable ledger values and their RLP forms. Conventions, fixed once for the whole node: 32-byte
 * hashes (block, transaction, state/storage roots, code hashes, topics, storage keys) are Tuweni
 * {@link org.apache.tuweni.bytes.Bytes32}; wei amounts and other 256-bit quantities are Tuweni
 * {@link org.apache.tuweni.units.bigints.UInt256}; addresses are {@link
 * org.drr.node.types.Address}; nonces and gas are {@code long} (unsigned 64-bit where the protocol
 * allows the full range).
 */
package org.drr.node.types;
