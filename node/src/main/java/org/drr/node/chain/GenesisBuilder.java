package org.drr.node.chain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.consensus.qbft.QbftExtraData;
import org.drr.node.consensus.qbft.QbftExtraDataCodec;
import org.drr.node.execution.BlockEnvironment;
import org.drr.node.execution.TransactionMessage;
import org.drr.node.execution.TransactionOutcome;
import org.drr.node.execution.TransactionProcessor;
import org.drr.node.fork.Fork;
import org.drr.node.state.AccountState;
import org.drr.node.state.Word256;
import org.drr.node.state.WorldState;
import org.drr.node.types.Address;
import org.drr.node.types.TransactionType;

/**
 * Generates a Besu-format genesis whose contracts are deployed by running their deployment
 * transactions in this node's EVM against an in-memory state, then writing the resulting code,
 * storage, balances and nonces into {@code alloc} — so no one edits contract storage by hand.
 *
 * <p>Deployments are sent from the fixed {@link #DEPLOYER} (no key exists: the transactions are
 * executed, never signed), starting at nonce 0, so the first contract it creates — the registry
 * directory in drr's deployment plan — is always at {@link #DIRECTORY}. Tools find the registry
 * there without a deployment file; the genesis also names it in its {@code drr} section.
 */
public final class GenesisBuilder {
  /** The sender of genesis deployments: the address whose key no one has. */
  public static final Address DEPLOYER = Address.fromHexString("0x00000000000000000000000000000000000d4d00");
  /** CREATE(DEPLOYER, 0): where the first deployed contract (the directory) lives. */
  public static final Address DIRECTORY = Address.contractAddress(DEPLOYER, 0);

  private static final long DEPLOY_GAS = 30_000_000;

  /** One deployment transaction: a creation ({@code to} empty) or a call, from {@link #DEPLOYER}. */
  public record Step(String label, Optional<Address> to, Bytes data, Optional<Address> expectedAddress) {}

  private final long chainId;
  private final List<Address> validators;
  private final long blockPeriodSeconds;
  private final long gasLimit;
  private final long timestamp;
  private final Map<Address, BigInteger> funded = new LinkedHashMap<>();
  private final List<Step> steps = new ArrayList<>();
  private final Map<String, String> drr = new LinkedHashMap<>();

  public GenesisBuilder(long chainId, List<Address> validators, long blockPeriodSeconds, long gasLimit, long timestamp) {
    if (validators.isEmpty()) {
      throw new IllegalArgumentException("a QBFT genesis needs at least one validator");
    }
    this.chainId = chainId;
    this.validators = List.copyOf(validators);
    this.blockPeriodSeconds = blockPeriodSeconds;
    this.gasLimit = gasLimit;
    this.timestamp = timestamp;
  }

  public GenesisBuilder fund(Address account, BigInteger wei) {
    funded.merge(account, wei, BigInteger::add);
    return this;
  }

  public GenesisBuilder deploy(Step step) {
    steps.add(step);
    return this;
  }

  /** Adds an entry to the genesis {@code drr} section (e.g. {@code participantRegistry}). */
  public GenesisBuilder annotate(String key, String value) {
    drr.put(key, value);
    return this;
  }

  /**
   * Runs the deployments and returns the genesis JSON.
   *
   * @throws IllegalStateException naming the step that was invalid, failed, or created a contract
   *     at another address than expected
   */
  public String build() {
    WorldState state = new WorldState();
    for (Map.Entry<Address, BigInteger> e : funded.entrySet()) {
      state.putCommitted(e.getKey(), 0, e.getValue(), new byte[0], Map.of());
    }
    Fork fork = Fork.CANCUN;
    TransactionProcessor processor = new TransactionProcessor(fork);
    BlockEnvironment env = new BlockEnvironment(
        Address.ZERO, 0, timestamp, DEPLOY_GAS, BigInteger.ZERO, Word256.ZERO, chainId, BigInteger.ONE,
        n -> Word256.ZERO);
    for (Step step : steps) {
      TransactionMessage tx = new TransactionMessage(
          TransactionType.LEGACY, DEPLOYER, step.to().orElse(null), state.nonce(DEPLOYER), DEPLOY_GAS,
          BigInteger.ZERO, step.data(), BigInteger.ZERO, null, null, List.of());
      TransactionOutcome outcome;
      try {
        outcome = processor.execute(state, env, tx, 0);
      } catch (org.drr.node.execution.TransactionRejectedException e) {
        throw new IllegalStateException("genesis step '" + step.label() + "' is invalid: " + e.getMessage(), e);
      }
      if (!outcome.isSuccess()) {
        throw new IllegalStateException(
            "genesis step '" + step.label() + "' failed (" + outcome.failure() + "), output 0x"
                + Bytes.wrap(outcome.output()).toUnprefixedHexString());
      }
      if (step.expectedAddress().isPresent() && !step.expectedAddress().get().equals(outcome.contractAddress())) {
        throw new IllegalStateException(
            "genesis step '" + step.label() + "' created " + outcome.contractAddress() + ", expected "
                + step.expectedAddress().get());
      }
    }
    return toJson(state);
  }

  private String toJson(WorldState state) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    ObjectNode config = root.putObject("config");
    config.put("chainId", chainId);
    for (String fork : List.of("homesteadBlock", "eip150Block", "eip155Block", "eip158Block", "byzantiumBlock",
        "constantinopleBlock", "petersburgBlock", "istanbulBlock", "berlinBlock", "londonBlock")) {
      config.put(fork, 0);
    }
    config.put("shanghaiTime", 0);
    config.put("cancunTime", 0);
    config.put("zeroBaseFee", true);
    ObjectNode qbft = config.putObject("qbft");
    qbft.put("blockperiodseconds", blockPeriodSeconds);
    qbft.put("epochlength", 30000);
    qbft.put("requesttimeoutseconds", Math.max(4, 2 * blockPeriodSeconds));
    root.put("nonce", "0x0");
    root.put("timestamp", "0x" + Long.toHexString(timestamp));
    root.put("gasLimit", "0x" + Long.toHexString(gasLimit));
    root.put("difficulty", "0x1");
    root.put("baseFeePerGas", "0x0");
    root.put("mixHash", BlockExecutor.BFT_MIX_HASH.toHexString());
    root.put("coinbase", Address.ZERO.toHexString());
    root.put("extraData", QbftExtraDataCodec.encode(QbftExtraData.genesis(validators)).toHexString());
    ObjectNode alloc = root.putObject("alloc");
    for (Address a : state.sortedAddresses()) {
      AccountState acc = state.get(a);
      ObjectNode entry = alloc.putObject(a.toHexString());
      entry.put("balance", "0x" + acc.balance().toString(16));
      if (acc.nonce() != 0) {
        entry.put("nonce", "0x" + Long.toHexString(acc.nonce()));
      }
      if (acc.code().length > 0) {
        entry.put("code", Bytes.wrap(acc.code()).toHexString());
      }
      if (!acc.storageView().isEmpty()) {
        ObjectNode storage = entry.putObject("storage");
        acc.storageView().entrySet().stream()
            .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(w -> Bytes32.wrap(w.toBytes()))))
            .forEach(s -> storage.put(Bytes32.wrap(s.getKey().toBytes()).toHexString(),
                Bytes32.wrap(s.getValue().toBytes()).toHexString()));
      }
    }
    if (!drr.isEmpty()) {
      ObjectNode section = root.putObject("drr");
      drr.forEach(section::put);
    }
    try {
      return mapper.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write genesis JSON", e);
    }
  }
}
