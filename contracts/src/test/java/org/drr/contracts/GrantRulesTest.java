package org.drr.contracts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.drr.contracts.Codes.Category;
import org.drr.contracts.Codes.Classification;
import org.drr.contracts.Codes.DecisionReason;
import org.drr.contracts.Codes.GrantStatus;
import org.drr.contracts.Codes.Region;
import org.drr.contracts.Codes.Right;
import org.drr.contracts.Codes.Validity;
import org.drr.contracts.generated.RightsRegistry;
import org.drr.contracts.generated.RightsRegistry.GrantTerms;
import org.drr.contracts.testing.Actor;
import org.drr.contracts.testing.Hashes;
import org.drr.contracts.testing.RegistryFixture;
import org.junit.jupiter.api.Test;
import org.web3j.tuples.generated.Tuple3;

/** USE/OPERATE grants, sub-licensing inside the parent's scope, revocation, checkRight. */
class GrantRulesTest extends RegistryFixture {
  private static final int GD = Region.GD.maskBit();
  private static final int HK = Region.HK.maskBit();
  private static final int MO = Region.MO.maskBit();
  private static final BigInteger USE = code(Right.USE);
  private static final byte[] ZERO = new byte[32];

  private RightsRegistry rights() {
    return gdCo.registry().rights();
  }

  private Tuple3<Boolean, BigInteger, List<BigInteger>> check(
      Actor who, BigInteger assetId, Right right, Region region, long time) throws Exception {
    return rights().checkRight(who.address(), assetId, code(right), code(region),
        BigInteger.valueOf(time)).send();
  }

  private static void assertAnswer(Tuple3<Boolean, BigInteger, List<BigInteger>> answer,
      boolean valid, Validity reason, BigInteger... chain) {
    assertEquals(valid, answer.component1(), () -> "validity of " + answer);
    assertEquals(code(reason), answer.component2(), () -> "reason of " + answer);
    assertEquals(List.of(chain), answer.component3(), () -> "chain of " + answer);
  }

  @Test
  void aDirectGrantIsValidInsideItsScopeOnly() throws Exception {
    BigInteger asset = registerAsset(gdCo);
    long now = node.latestTimestamp();
    GrantTerms scope = terms(GD | HK, now - 10, now + 1000, false, 0);
    BigInteger g = grant(gdCo, asset, hkCo, Right.USE, scope);
    RightsRegistry.Grant stored = rights().grantOf(g).send();
    assertEquals(asset, stored.assetId);
    assertEquals(BigInteger.ZERO, stored.parentId);
    assertEquals(gdCo.address(), stored.grantor);
    assertEquals(hkCo.address(), stored.grantee);
    assertEquals(USE, stored.right);
    assertEquals(BigInteger.valueOf(GD | HK), stored.regions);
    assertEquals(code(GrantStatus.ACTIVE), stored.status);
    assertEquals(BigInteger.valueOf(1000), stored.basePrice);
    assertEquals(BigInteger.valueOf(250), stored.scenarioPremium);
    assertArrayEquals(Hashes.of("terms"), stored.termsHash);

    assertAnswer(check(hkCo, asset, Right.USE, Region.HK, now), true, Validity.VALID, g);
    assertAnswer(check(hkCo, asset, Right.USE, Region.MO, now), false,
        Validity.REGION_NOT_ALLOWED, g);
    assertAnswer(check(hkCo, asset, Right.USE, Region.GD, now - 11), false,
        Validity.NOT_YET_VALID, g);
    assertAnswer(check(hkCo, asset, Right.USE, Region.GD, now + 1000), false, Validity.EXPIRED, g);
    assertAnswer(check(hkCo, asset, Right.OPERATE, Region.GD, now), false, Validity.NO_GRANT);
    assertAnswer(check(moCo, asset, Right.USE, Region.GD, now), false, Validity.NO_GRANT);
    assertAnswer(check(gdCo, asset, Right.HOLD, Region.MO, now), true, Validity.VALID);
    assertAnswer(check(hkCo, asset, Right.HOLD, Region.GD, now), false, Validity.NOT_HOLDER);

    assertEquals(BigInteger.ONE, rights().grantsOfGranteeCount(asset, hkCo.address()).send());
    assertEquals(g, rights().grantOfGranteeAt(asset, hkCo.address(), BigInteger.ZERO).send());
    assertEquals(g, rights().grantOfAssetAt(asset, BigInteger.ZERO).send());
  }

  @Test
  void grantValuesAreChecked() throws Exception {
    BigInteger asset = registerAsset(gdCo);
    long now = node.latestTimestamp();
    String to = hkCo.address();
    gdCo.expectRevert(Registry::rights,
        r -> r.issueGrant(asset, to, code(Right.HOLD), terms(GD, false, 0)), "InvalidRight", 0);
    gdCo.expectRevert(Registry::rights,
        r -> r.issueGrant(asset, to, USE, terms(0, false, 0)), "InvalidRegionMask", 0);
    gdCo.expectRevert(Registry::rights,
        r -> r.issueGrant(asset, to, USE, terms(8, false, 0)), "InvalidRegionMask", 8);
    gdCo.expectRevert(Registry::rights,
        r -> r.issueGrant(asset, to, USE, terms(GD, now + 50, now + 50, false, 0)),
        "InvalidWindow", now + 50, now + 50);
    gdCo.expectRevert(Registry::rights,
        r -> r.issueGrant(asset, to, USE, terms(GD, now - 100, now - 50, false, 0)),
        "InvalidWindow", now - 100, now - 50);
    gdCo.expectRevert(Registry::rights,
        r -> r.issueGrant(asset, to, USE, terms(GD, true, 0)), "InvalidSublicenseDepth", true, 0);
    gdCo.expectRevert(Registry::rights,
        r -> r.issueGrant(asset, to, USE, terms(GD, false, 1)), "InvalidSublicenseDepth", false, 1);
    gdCo.expectRevert(Registry::rights,
        r -> r.issueGrant(asset, to, USE, terms(GD, true, 9)), "InvalidSublicenseDepth", true, 9);
    GrantTerms noTerms = new GrantTerms(BigInteger.valueOf(GD), BigInteger.valueOf(now),
        BigInteger.valueOf(now + 100), ZERO, BigInteger.ZERO, BigInteger.ZERO, false,
        BigInteger.ZERO);
    gdCo.expectRevert(Registry::rights, r -> r.issueGrant(asset, to, USE, noTerms),
        "MissingField", "termsHash");
    gdCo2.expectRevert(Registry::rights, r -> r.issueGrant(asset, to, USE, terms(GD, false, 0)),
        "NotHolder", asset, gdCo2.address());
    gdCo.expectRevert(Registry::rights,
        r -> r.issueGrant(asset, stranger.address(), USE, terms(GD, false, 0)),
        "NotActiveParticipant", stranger.address());
    gdCo.expectRevert(Registry::rights,
        r -> r.issueGrant(BigInteger.valueOf(999), to, USE, terms(GD, false, 0)),
        "UnknownAsset", 999);
    gdCo.expectRevert(Registry::rights, r -> r.grantOf(BigInteger.valueOf(999)), "UnknownGrant",
        999);
    gdCo.expectRevert(Registry::rights, r -> r.checkRight(to, asset, BigInteger.valueOf(3),
        BigInteger.ZERO, BigInteger.valueOf(now)), "InvalidRight", 3);
    gdCo.expectRevert(Registry::rights, r -> r.checkRight(to, asset, USE, BigInteger.valueOf(3),
        BigInteger.valueOf(now)), "InvalidRegion", 3);
  }

  @Test
  void aTwoLevelChainAnswersWithEveryLinkAndDiesWithItsMiddleLink() throws Exception {
    BigInteger asset = registerAsset(gdCo);
    long now = node.latestTimestamp();
    BigInteger a = grant(gdCo, asset, gdCo2, Right.USE,
        terms(GD | HK, now - 10, now + 10_000, true, 2));
    BigInteger b = sublicense(gdCo2, a, hkCo, terms(GD | HK, now - 5, now + 5_000, true, 1));
    BigInteger c = sublicense(hkCo, b, moCo, terms(HK, now, now + 1_000, false, 0));
    assertEquals(BigInteger.TWO, rights().grantOf(c).send().depth);
    assertEquals(USE, rights().grantOf(c).send().right);
    assertAnswer(check(moCo, asset, Right.USE, Region.HK, now + 1), true, Validity.VALID, c, b, a);
    assertEquals(BigInteger.ONE, rights().childrenCount(a).send());
    assertEquals(b, rights().childAt(a, BigInteger.ZERO).send());
    assertEquals(c, rights().childAt(b, BigInteger.ZERO).send());
    assertEquals(BigInteger.valueOf(3), rights().grantsOfAssetCount(asset).send());

    gdCo2.send(gdCo2.registry().rights().revokeGrant(b, Hashes.of("licence breached")));
    assertAnswer(check(moCo, asset, Right.USE, Region.HK, now + 1), false, Validity.REVOKED,
        c, b, a);
    assertEquals(code(GrantStatus.ACTIVE), rights().grantOf(c).send().status);
    RightsRegistry.Grant revoked = rights().grantOf(b).send();
    assertEquals(code(GrantStatus.REVOKED), revoked.status);
    assertEquals(gdCo2.address(), revoked.revokedBy);
    assertArrayEquals(Hashes.of("licence breached"), revoked.revocationHash);
    assertAnswer(check(gdCo2, asset, Right.USE, Region.HK, now + 1), true, Validity.VALID, a);
    var grantCheck = rights().checkGrant(c, code(Region.HK), BigInteger.valueOf(now + 1)).send();
    assertFalse(grantCheck.component1());
    assertEquals(code(Validity.REVOKED), grantCheck.component2());
    hkCo.expectRevert(Registry::rights, r -> r.sublicense(b, moCo.address(),
        terms(HK, now, now + 100, false, 0)), "GrantNotValid", b, code(Validity.REVOKED));
    gdCo2.expectRevert(Registry::rights, r -> r.revokeGrant(b, ZERO), "GrantEnded", b,
        code(GrantStatus.REVOKED));
  }

  @Test
  void anyOneValidGrantAnswersYesEvenBesideDeadOnes() throws Exception {
    BigInteger asset = registerAsset(gdCo);
    long now = node.latestTimestamp();
    BigInteger old = grant(gdCo, asset, hkCo, Right.USE, terms(GD, false, 0));
    gdCo.send(gdCo.registry().rights().revokeGrant(old, Hashes.of("superseded")));
    assertAnswer(check(hkCo, asset, Right.USE, Region.GD, now), false, Validity.REVOKED, old);
    BigInteger renewed = grant(gdCo, asset, hkCo, Right.USE, terms(GD, false, 0));
    assertAnswer(check(hkCo, asset, Right.USE, Region.GD, now), true, Validity.VALID, renewed);
    assertEquals(BigInteger.TWO, rights().grantsOfGranteeCount(asset, hkCo.address()).send());
  }

  @Test
  void anExpiredLinkInvalidatesTheChainBelowIt() throws Exception {
    BigInteger asset = registerAsset(gdCo);
    long now = node.latestTimestamp();
    BigInteger a = grant(gdCo, asset, gdCo2, Right.OPERATE,
        terms(GD, now - 10, now + 500, true, 1));
    BigInteger b = sublicense(gdCo2, a, hkCo, terms(GD, now - 10, now + 400, false, 0));
    assertAnswer(check(hkCo, asset, Right.OPERATE, Region.GD, now + 399), true, Validity.VALID,
        b, a);
    assertAnswer(check(hkCo, asset, Right.OPERATE, Region.GD, now + 400), false,
        Validity.EXPIRED, b, a);
  }

  @Test
  void aSublicenseLiesStrictlyInsideItsParent() throws Exception {
    BigInteger asset = registerAsset(gdCo);
    long now = node.latestTimestamp();
    BigInteger closed = grant(gdCo, asset, gdCo2, Right.USE, terms(GD, false, 0));
    BigInteger open = grant(gdCo, asset, gdCo2, Right.USE,
        terms(GD | HK, now - 10, now + 1000, true, 2));
    String to = hkCo.address();
    gdCo2.expectRevert(Registry::rights, r -> r.sublicense(closed, to, terms(GD, false, 0)),
        "NotSublicensable", closed);
    hkCo.expectRevert(Registry::rights, r -> r.sublicense(open, moCo.address(),
        terms(GD, false, 0)), "NotGrantee", open, hkCo.address());
    gdCo2.expectRevert(Registry::rights, r -> r.sublicense(open, to,
        terms(GD | MO, now, now + 100, false, 0)), "RegionsOutsideParent", open, GD | HK, GD | MO);
    gdCo2.expectRevert(Registry::rights, r -> r.sublicense(open, to,
        terms(GD, now - 11, now + 100, false, 0)), "WindowOutsideParent", open, now - 10,
        now + 1000, now - 11, now + 100);
    gdCo2.expectRevert(Registry::rights, r -> r.sublicense(open, to,
        terms(GD, now, now + 1001, false, 0)), "WindowOutsideParent", open, now - 10,
        now + 1000, now, now + 1001);
    gdCo2.expectRevert(Registry::rights, r -> r.sublicense(open, to,
        terms(GD, now, now + 100, true, 2)), "DepthExceedsParent", open, 2, 2);
    gdCo2.expectRevert(Registry::rights, r -> r.sublicense(BigInteger.valueOf(999), to,
        terms(GD, false, 0)), "UnknownGrant", 999);
    sublicense(gdCo2, open, hkCo, terms(GD, now, now + 100, true, 1));
  }

  @Test
  void grantorOrCurrentHolderMayRevokeNobodyElse() throws Exception {
    BigInteger asset = registerAsset(gdCo);
    BigInteger a = grant(gdCo, asset, gdCo2, Right.USE, terms(GD, true, 1));
    BigInteger b = sublicense(gdCo2, a, hkCo, terms(GD, false, 0));
    hkCo.expectRevert(Registry::rights, r -> r.revokeGrant(a, ZERO), "NotRevoker", a,
        hkCo.address());
    stranger.expectRevert(Registry::rights, r -> r.revokeGrant(b, ZERO), "NotActiveParticipant",
        stranger.address());
    gdCo.send(gdCo.registry().rights().revokeGrant(b, Hashes.of("holder's call")));
    assertEquals(gdCo.address(), rights().grantOf(b).send().revokedBy);
    // A grantee cannot revoke the grant it received from above.
    gdCo2.expectRevert(Registry::rights, r -> r.revokeGrant(a, ZERO), "NotRevoker", a,
        gdCo2.address());
    gdCo.send(gdCo.registry().rights().revokeGrant(a, ZERO));
    assertEquals(code(GrantStatus.REVOKED), rights().grantOf(a).send().status);
  }

  @Test
  void crossBorderGrantsFollowTheDecisionTable() throws Exception {
    BigInteger general = registerAsset(gdCo);
    BigInteger free = grant(gdCo, general, hkCo, Right.USE, terms(GD | HK | MO, false, 0));
    assertEquals(code(GrantStatus.ACTIVE), rights().grantOf(free).send().status);

    BigInteger important = registerAsset(gdCo, Category.ENTERPRISE, Classification.IMPORTANT,
        "transport");
    var receipt = gdCo.send(gdCo.registry().rights().issueGrant(important, hkCo.address(), USE,
        terms(GD | HK, false, 0)));
    BigInteger pending = RightsRegistry.getGrantIssuedEvents(receipt).get(0).grantId;
    var decided = RightsRegistry.getCrossBorderDecidedEvents(receipt).get(0);
    assertEquals(code(DecisionReason.IMPORTANT), decided.reason);
    assertEquals(code(Region.HK), decided.toRegion);
    assertEquals(code(GrantStatus.PENDING_APPROVAL), rights().grantOf(pending).send().status);
    long now = node.latestTimestamp();
    assertAnswer(check(hkCo, important, Right.USE, Region.GD, now), false,
        Validity.NOT_APPROVED, pending);

    hkAuthority.expectRevert(Registry::rights, r -> r.approveGrant(pending, Hashes.of("doc")),
        "NotAuthorityOfRegion", hkAuthority.address(), code(Region.GD));
    gdAuthority.expectRevert(Registry::rights, r -> r.approveGrant(pending, ZERO),
        "MissingField", "documentHash");
    gdAuthority.send(gdAuthority.registry().rights().approveGrant(pending,
        Hashes.of("security assessment 2024-17")));
    RightsRegistry.Grant approved = rights().grantOf(pending).send();
    assertEquals(code(GrantStatus.ACTIVE), approved.status);
    assertEquals(gdAuthority.address(), approved.approver);
    assertArrayEquals(Hashes.of("security assessment 2024-17"), approved.approvalDoc);
    assertAnswer(check(hkCo, important, Right.USE, Region.HK, now), true, Validity.VALID, pending);
    gdAuthority.expectRevert(Registry::rights, r -> r.approveGrant(pending, Hashes.of("doc")),
        "GrantNotPending", pending, code(GrantStatus.ACTIVE));

    var second = gdCo.send(gdCo.registry().rights().issueGrant(important, moCo.address(), USE,
        terms(MO, false, 0)));
    BigInteger refused = RightsRegistry.getGrantIssuedEvents(second).get(0).grantId;
    gdAuthority.send(gdAuthority.registry().rights().rejectGrant(refused, Hashes.of("refused")));
    assertEquals(code(GrantStatus.REJECTED), rights().grantOf(refused).send().status);
    gdCo.expectRevert(Registry::rights, r -> r.revokeGrant(refused, ZERO), "GrantEnded", refused,
        code(GrantStatus.REJECTED));

    BigInteger core = registerAsset(gdCo, Category.ENTERPRISE, Classification.CORE, "transport");
    gdCo.expectRevert(Registry::rights, r -> r.issueGrant(core, hkCo.address(), USE,
        terms(GD | HK, false, 0)), "CrossBorderForbidden", core, code(Region.GD),
        code(Region.HK), code(DecisionReason.CORE));
    grant(gdCo, core, gdCo2, Right.USE, terms(GD, false, 0));
  }

  @Test
  void aCancelledAssetTakesNoGrantsAndItsRightsLapse() throws Exception {
    BigInteger asset = registerAsset(gdCo);
    BigInteger g = grant(gdCo, asset, gdCo2, Right.USE, terms(GD, true, 1));
    gdCo.send(gdCo.registry().assets().cancel(asset, Hashes.of("cancel")));
    long now = node.latestTimestamp();
    assertAnswer(check(gdCo2, asset, Right.USE, Region.GD, now), false, Validity.ASSET_CANCELLED);
    assertAnswer(check(gdCo, asset, Right.HOLD, Region.GD, now), false, Validity.ASSET_CANCELLED);
    gdCo.expectRevert(Registry::rights, r -> r.issueGrant(asset, hkCo.address(), USE,
        terms(GD, false, 0)), "AssetCancelled", asset);
    gdCo2.expectRevert(Registry::rights, r -> r.sublicense(g, hkCo.address(),
        terms(GD, false, 0)), "AssetCancelled", asset);
    assertTrue(rights().grantCount().send().compareTo(BigInteger.ONE) >= 0);
  }
}
