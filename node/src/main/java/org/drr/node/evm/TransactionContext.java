package org.drr.node.evm;

import java.math.BigInteger;
import java.util.List;
import org.drr.node.types.Address;

/**
 * What the EVM knows about the transaction being executed.
 *
 * @param origin ORIGIN, the signer
 * @param gasPrice GASPRICE, the effective gas price paid per gas
 * @param blobHashes BLOBHASH values (EIP-4844); empty for non-blob transactions
 */
public record TransactionContext(Address origin, BigInteger gasPrice, List<byte[]> blobHashes) {}
