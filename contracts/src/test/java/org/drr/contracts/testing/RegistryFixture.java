package org.drr.contracts.testing;

import java.math.BigInteger;
import java.util.List;
import org.drr.contracts.Codes.Category;
import org.drr.contracts.Codes.Classification;
import org.drr.contracts.Codes.ParticipantKind;
import org.drr.contracts.Codes.Region;
import org.drr.contracts.Codes;
import org.drr.contracts.Registry;
import org.drr.contracts.RegistryDeployer;
import org.drr.contracts.RegistryDeployer.Authority;
import org.drr.contracts.generated.AssetRegistry;
import org.drr.contracts.generated.RightsRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Base of the contract-rule tests: one fresh registry per test class on the shared
 * {@link TestNode}, with a cast of participants.
 *
 * <p>Dev accounts: 0 deployer (not a participant), 1/2/3 the first authorities of GD/HK/MO,
 * 4 and 5 GD enterprises, 6 an HK enterprise, 7 an MO enterprise, 8 a GD court, 9 an HK
 * mediator. {@link #stranger} is a random, unfunded, unregistered account (for reverts only).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RegistryFixture {
  protected TestNode node;
  protected Registry.Deployment deployment;
  protected Actor deployer;
  protected Actor gdAuthority;
  protected Actor hkAuthority;
  protected Actor moAuthority;
  protected Actor gdCo;
  protected Actor gdCo2;
  protected Actor hkCo;
  protected Actor moCo;
  protected Actor court;
  protected Actor mediator;
  protected Actor stranger;

  private int fingerprintCounter;

  @BeforeAll
  void deployRegistry() throws Exception {
    node = TestNode.shared();
    Credentials deployerKey = node.devAccount(0);
    deployment = RegistryDeployer.deploy(node.web3j(), node.transactionManager(deployerKey),
        node.gas(), List.of(
            new Authority(address(1), Region.GD, "GD Data Bureau", "GD-AUTH-1"),
            new Authority(address(2), Region.HK, "HK Digital Office", "HK-AUTH-1"),
            new Authority(address(3), Region.MO, "MO DSRT", "MO-AUTH-1")));
    deployer = actor("deployer", 0);
    gdAuthority = actor("gdAuthority", 1);
    hkAuthority = actor("hkAuthority", 2);
    moAuthority = actor("moAuthority", 3);
    gdCo = onboard(gdAuthority, actor("gdCo", 4), Region.GD, ParticipantKind.ENTERPRISE);
    gdCo2 = onboard(gdAuthority, actor("gdCo2", 5), Region.GD, ParticipantKind.ENTERPRISE);
    hkCo = onboard(hkAuthority, actor("hkCo", 6), Region.HK, ParticipantKind.ENTERPRISE);
    moCo = onboard(moAuthority, actor("moCo", 7), Region.MO, ParticipantKind.ENTERPRISE);
    court = onboard(gdAuthority, actor("court", 8), Region.GD, ParticipantKind.COURT);
    mediator = onboard(hkAuthority, actor("mediator", 9), Region.HK, ParticipantKind.MEDIATOR);
    stranger = new Actor("stranger", Credentials.create(Keys.createEcKeyPair()), deployment, node);
  }

  private String address(int devIndex) {
    return node.devAccount(devIndex).getAddress();
  }

  private Actor actor(String name, int devIndex) {
    return new Actor(name, node.devAccount(devIndex), deployment, node);
  }

  /** Has {@code authority} onboard {@code who}; returns {@code who}. */
  protected Actor onboard(Actor authority, Actor who, Region region, ParticipantKind kind) {
    authority.send(authority.registry().participants().register(who.address(),
        code(region), code(kind), who.name() + " Ltd", "REG-" + who.name()));
    return who;
  }

  protected static BigInteger code(Codes.Code code) {
    return BigInteger.valueOf(code.code());
  }

  /** A fingerprint no other test in this class has used. */
  protected byte[] freshFingerprint() {
    return Hashes.of(getClass().getSimpleName() + "-file-" + (++fingerprintCounter));
  }

  /** Registers a GENERAL, ENTERPRISE, "transport" asset held by {@code holder}; returns its id. */
  protected BigInteger registerAsset(Actor holder) {
    return registerAsset(holder, Category.ENTERPRISE, Classification.GENERAL, "transport");
  }

  /** Registers an asset with the given profile and a fresh fingerprint; returns its id. */
  protected BigInteger registerAsset(
      Actor holder, Category category, Classification classification, String sector) {
    return registerAsset(holder, freshFingerprint(), category, classification, sector, List.of());
  }

  protected BigInteger registerAsset(Actor holder, byte[] fingerprint, Category category,
      Classification classification, String sector, List<BigInteger> parents) {
    TransactionReceipt receipt = holder.send(holder.registry().assets().register(fingerprint,
        Hashes.of("metadata"), "Traffic flows 2024", "urban planning", code(category),
        code(classification), Codes.sector(sector), parents));
    return AssetRegistry.getAssetRegisteredEvents(receipt).get(0).assetId;
  }

  /**
   * A USE/OPERATE scope over {@code regions} (mask) from now-60 s to now+1 day, where "now" is
   * fixed at the first call of each test: a sub-licence built with these terms after its parent
   * must get the same window, even on a node whose blocks (1 s apart) moved the clock meanwhile.
   */
  protected RightsRegistry.GrantTerms terms(int regions, boolean sublicensable, int maxDepth) {
    if (termsNow == null) {
      termsNow = node.latestTimestamp();
    }
    return terms(regions, termsNow - 60, termsNow + 86_400, sublicensable, maxDepth);
  }

  private Long termsNow;

  @org.junit.jupiter.api.BeforeEach
  void resetTermsClock() {
    termsNow = null;
  }

  protected RightsRegistry.GrantTerms terms(
      int regions, long from, long until, boolean sublicensable, int maxDepth) {
    return new RightsRegistry.GrantTerms(BigInteger.valueOf(regions), BigInteger.valueOf(from),
        BigInteger.valueOf(until), Hashes.of("terms"), BigInteger.valueOf(1000),
        BigInteger.valueOf(250), sublicensable, BigInteger.valueOf(maxDepth));
  }

  /** Issues a grant from the holder; returns its id. */
  protected BigInteger grant(
      Actor holder, BigInteger assetId, Actor grantee, Codes.Right right,
      RightsRegistry.GrantTerms scope) {
    TransactionReceipt receipt = holder.send(
        holder.registry().rights().issueGrant(assetId, grantee.address(), code(right), scope));
    return RightsRegistry.getGrantIssuedEvents(receipt).get(0).grantId;
  }

  /** Sub-licenses under {@code parentId}; returns the new grant's id. */
  protected BigInteger sublicense(
      Actor grantor, BigInteger parentId, Actor grantee, RightsRegistry.GrantTerms scope) {
    TransactionReceipt receipt = grantor.send(
        grantor.registry().rights().sublicense(parentId, grantee.address(), scope));
    return RightsRegistry.getGrantIssuedEvents(receipt).get(0).grantId;
  }
}
