package org.drr.node.compat;

import static org.drr.node.compat.ReplayStep.Expect.EITHER;
import static org.drr.node.compat.ReplayStep.Expect.REVERT;
import static org.drr.node.compat.ReplayStep.Expect.SUCCEED;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.drr.contracts.Codes;
import org.drr.contracts.Codes.Category;
import org.drr.contracts.Codes.Classification;
import org.drr.contracts.Codes.ParticipantKind;
import org.drr.contracts.Codes.Region;
import org.drr.contracts.Codes.Right;
import org.drr.contracts.DevAccounts;
import org.drr.contracts.Registry;
import org.drr.contracts.RegistryDeployer;
import org.drr.contracts.RegistryDeployer.Authority;
import org.drr.contracts.generated.RightsRegistry;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * The registry deployment and a scenario across the domain, as unsigned steps in batches: a
 * batch's steps are independent of each other, a later batch may depend on an earlier one (the
 * replay waits for a batch's receipts before sending the next).
 *
 * <p>Dev accounts: 0 deployer, 1/2/3 authorities of GD/HK/MO, 4 and 5 GD enterprises, 6 an HK
 * enterprise, 7 an MO enterprise, 8 a GD court, 9 an HK mediator. Ids are the contracts'
 * counters, which start at 1: the scenario's assets are 1 to 4, grants 1 and 2, transfers 1
 * and 2, objection 1, case 1.
 */
final class RegistryScenario {
  static final int DEPLOYER = 0;
  private static final String NO_ONE = "0x0000000000000000000000000000000000000000";
  private static final BigInteger ASSET_1 = BigInteger.ONE;
  private static final BigInteger ASSET_2 = BigInteger.TWO;
  private static final BigInteger ASSET_3 = BigInteger.valueOf(3);
  private static final BigInteger ASSET_4 = BigInteger.valueOf(4);

  private final Registry registry;
  private final Registry.Deployment deployment;
  private final List<RegistryDeployer.Step> deploymentSteps;
  private final long now;

  /** @param now the wall-clock time in seconds, for grant validity windows */
  RegistryScenario(long now) {
    RegistryDeployer.Plan plan = RegistryDeployer.plan(address(DEPLOYER), BigInteger.ZERO,
        List.of(new Authority(address(1), Region.GD, "GD Data Bureau", "GD-AUTH-1"),
            new Authority(address(2), Region.HK, "HK Digital Office", "HK-AUTH-1"),
            new Authority(address(3), Region.MO, "MO DSRT", "MO-AUTH-1")));
    this.deploymentSteps = plan.steps();
    this.deployment = plan.deployment();
    // Wrappers only encode calls here; this Web3j is never asked anything.
    Web3j unused = Web3j.build(new HttpService("http://127.0.0.1:1"));
    this.registry = Registry.bind(deployment, unused,
        new ReadonlyTransactionManager(unused, address(DEPLOYER)), new DefaultGasProvider());
    this.now = now;
  }

  Registry registry() {
    return registry;
  }

  Registry.Deployment deployment() {
    return deployment;
  }

  static String address(int dev) {
    return DevAccounts.account(dev).getAddress();
  }

  static byte[] hash(String text) {
    return Hash.sha3(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  static BigInteger code(Codes.Code code) {
    return BigInteger.valueOf(code.code());
  }

  static ReplayStep step(String label, int sender, RemoteFunctionCall<?> call, String to,
      ReplayStep.Expect expect) {
    return new ReplayStep(label, sender, to, call.encodeFunctionCall(), expect);
  }

  /** The deployment: one batch (one sender, so nonce order keeps the steps in order). */
  List<ReplayStep> deploySteps() {
    return deploymentSteps.stream().map(s -> new ReplayStep("deploy " + s.label(), DEPLOYER,
        s.to().orElse(null), s.data(), SUCCEED)).toList();
  }

  /** The domain scenario, in dependent batches. */
  List<List<ReplayStep>> batches() {
    String participants = deployment.participants();
    String assets = deployment.assets();
    String rights = deployment.rights();
    String transfers = deployment.transfers();
    String policy = deployment.policy();
    String disputes = deployment.disputes();
    var p = registry.participants();
    var a = registry.assets();
    var r = registry.rights();
    var t = registry.transfers();
    var d = registry.disputes();
    List<List<ReplayStep>> out = new ArrayList<>();
    out.add(List.of(
        step("GD onboards gdCo", 1, p.register(address(4), code(Region.GD),
            code(ParticipantKind.ENTERPRISE), "gdCo Ltd", "REG-4"), participants, SUCCEED),
        step("HK onboards hkCo", 2, p.register(address(6), code(Region.HK),
            code(ParticipantKind.ENTERPRISE), "hkCo Ltd", "REG-6"), participants, SUCCEED),
        step("MO onboards moCo", 3, p.register(address(7), code(Region.MO),
            code(ParticipantKind.ENTERPRISE), "moCo Ltd", "REG-7"), participants, SUCCEED)));
    out.add(List.of(
        step("GD onboards gdCo2", 1, p.register(address(5), code(Region.GD),
            code(ParticipantKind.ENTERPRISE), "gdCo2 Ltd", "REG-5"), participants, SUCCEED),
        step("HK onboards the mediator", 2, p.register(address(9), code(Region.HK),
            code(ParticipantKind.MEDIATOR), "mediator Ltd", "REG-9"), participants, SUCCEED),
        step("an enterprise may not onboard", 4, p.register(address(8), code(Region.GD),
            code(ParticipantKind.ENTERPRISE), "x", "REG-X"), participants, REVERT)));
    out.add(List.of(step("GD onboards the court", 1, p.register(address(8), code(Region.GD),
        code(ParticipantKind.COURT), "court", "REG-8"), participants, SUCCEED)));
    out.add(List.of(step("asset 1", 4, registerAsset(a, "file-1", Classification.GENERAL,
        "transport"), assets, SUCCEED)));
    out.add(List.of(step("asset 2 (important)", 4, registerAsset(a, "file-2",
        Classification.IMPORTANT, "transport"), assets, SUCCEED)));
    out.add(List.of(step("asset 3 (finance)", 5, registerAsset(a, "file-3",
        Classification.GENERAL, "finance"), assets, SUCCEED)));
    out.add(List.of(step("asset 4", 5, registerAsset(a, "file-4", Classification.GENERAL,
        "transport"), assets, SUCCEED)));
    out.add(List.of(step("gdCo registers its own file again", 4, registerAsset(a, "file-1",
        Classification.GENERAL, "transport"), assets, REVERT)));
    int gdHk = Region.GD.maskBit() | Region.HK.maskBit();
    out.add(List.of(step("grant 1: gdCo -> gdCo2, sublicensable", 4, r.issueGrant(ASSET_1,
        address(5), code(Right.USE), terms(gdHk, true, 2)), rights, SUCCEED)));
    out.add(List.of(step("grant 2: gdCo2 -> hkCo under grant 1", 5, r.sublicense(BigInteger.ONE,
        address(6), terms(gdHk, false, 0)), rights, SUCCEED)));
    out.add(List.of(step("grant 2 is not sublicensable", 6, r.sublicense(BigInteger.TWO,
        address(7), terms(gdHk, false, 0)), rights, REVERT)));
    out.add(List.of(step("transfer 1: important asset GD -> HK", 4, t.request(ASSET_2,
        address(6), hash("terms")), transfers, SUCCEED)));
    out.add(List.of(step("accept before approval", 6, t.accept(BigInteger.ONE), transfers,
        REVERT)));
    out.add(List.of(step("HK authority may not approve a GD export", 2,
        t.approve(BigInteger.ONE, hash("doc")), transfers, REVERT)));
    out.add(List.of(step("GD authority approves", 1, t.approve(BigInteger.ONE, hash("doc")),
        transfers, SUCCEED)));
    out.add(List.of(step("hkCo accepts", 6, t.accept(BigInteger.ONE), transfers, SUCCEED)));
    out.add(List.of(step("transfer 2: asset 4 within GD", 5, t.request(ASSET_4, address(4),
        hash("terms")), transfers, SUCCEED)));
    out.add(List.of(step("objection 1 against asset 4", 6, a.fileObjection(ASSET_4,
        hash("contested")), assets, SUCCEED)));
    out.add(List.of(step("the objection blocks acceptance", 4, t.accept(BigInteger.TWO),
        transfers, REVERT)));
    out.add(List.of(step("case 1 over asset 1 and grant 1", 6, d.openCase(ASSET_1, address(4),
        BigInteger.ONE, BigInteger.ZERO, hash("claim")), disputes, SUCCEED)));
    out.add(List.of(step("the court freezes asset 1", 8, d.freeze(BigInteger.ONE), disputes,
        SUCCEED)));
    out.add(List.of(step("a frozen asset's metadata cannot change", 4, a.changeMetadata(ASSET_1,
        hash("m2"), hash("why")), assets, REVERT)));
    out.add(List.of(step("the court rules: revoke grant 1, unfreeze", 8, d.rule(BigInteger.ONE,
        hash("ruling"), List.of(BigInteger.ONE), NO_ONE, BigInteger.ZERO, true), disputes, SUCCEED)));
    out.add(List.of(step("metadata changes after the ruling", 4, a.changeMetadata(ASSET_1,
        hash("m2"), hash("why")), assets, SUCCEED)));
    out.add(List.of(step("GD lists finance as negative", 1, registry.policy().addNegativeSector(
        code(Region.GD), Codes.sector("finance")), policy, SUCCEED)));
    out.add(List.of(step("finance asset to HK under the negative list", 5, t.request(ASSET_3,
        address(6), hash("terms")), transfers, EITHER)));
    out.add(List.of(step("GD whitelists moCo for GD -> MO", 1, registry.policy().addToWhitelist(
        code(Region.GD), code(Region.MO), address(7), hash("doc")), policy, SUCCEED)));
    out.add(List.of(step("asset 1 to a whitelisted MO recipient", 4, t.request(ASSET_1,
        address(7), hash("terms")), transfers, EITHER)));
    return out;
  }

  static RemoteFunctionCall<?> registerAsset(org.drr.contracts.generated.AssetRegistry a,
      String file, Classification classification, String sector) {
    return a.register(hash(file), hash("metadata"), "Traffic flows 2024", "urban planning",
        code(Category.ENTERPRISE), code(classification), Codes.sector(sector), List.of());
  }

  RightsRegistry.GrantTerms terms(int regions, boolean sublicensable, int maxDepth) {
    return new RightsRegistry.GrantTerms(BigInteger.valueOf(regions),
        BigInteger.valueOf(now - 600), BigInteger.valueOf(now + 86_400), hash("terms"),
        BigInteger.valueOf(1000), BigInteger.valueOf(250), sublicensable,
        BigInteger.valueOf(maxDepth));
  }
}
