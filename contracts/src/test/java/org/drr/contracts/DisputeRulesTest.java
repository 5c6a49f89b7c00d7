package org.drr.contracts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.drr.contracts.Codes.CaseStatus;
import org.drr.contracts.Codes.GrantStatus;
import org.drr.contracts.Codes.ObjectionOutcome;
import org.drr.contracts.Codes.ObjectionStatus;
import org.drr.contracts.Codes.ParticipantKind;
import org.drr.contracts.Codes.Region;
import org.drr.contracts.Codes.Right;
import org.drr.contracts.Codes.TransferStatus;
import org.drr.contracts.Codes.Validity;
import org.drr.contracts.generated.AssetRegistry;
import org.drr.contracts.generated.DisputeManager;
import org.drr.contracts.generated.TransferManager;
import org.drr.contracts.testing.Actor;
import org.drr.contracts.testing.Hashes;
import org.drr.contracts.testing.RegistryFixture;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tuples.generated.Tuple3;

/** Cases, evidence, court freezes, rulings with atomic effects, mediated settlements. */
class DisputeRulesTest extends RegistryFixture {
  private static final int GD = Region.GD.maskBit();
  private static final byte[] ZERO = new byte[32];
  private static final byte[] CLAIM = Hashes.of("statement of claim");
  private static final BigInteger NONE = BigInteger.ZERO;
  private static final String NOBODY = "0x0000000000000000000000000000000000000000";

  private DisputeManager disputes() {
    return gdCo.registry().disputes();
  }

  private AssetRegistry assets() {
    return gdCo.registry().assets();
  }

  private BigInteger openCase(
      Actor claimant, BigInteger asset, Actor respondent, BigInteger grantId,
      BigInteger transferId) {
    TransactionReceipt receipt = claimant.send(claimant.registry().disputes().openCase(asset,
        respondent.address(), grantId, transferId, CLAIM));
    return DisputeManager.getCaseOpenedEvents(receipt).get(0).caseId;
  }

  private boolean valid(Actor who, BigInteger asset, Right right) throws Exception {
    return gdCo.registry().rights().checkRight(who.address(), asset, code(right),
        code(Region.GD), BigInteger.valueOf(node.latestTimestamp())).send().component1();
  }

  @Test
  void openingACaseNamesItsPartiesAndSubject() throws Exception {
    BigInteger asset = registerAsset(gdCo);
    BigInteger g = grant(gdCo, asset, gdCo2, Right.USE, terms(GD, false, 0));
    BigInteger other = registerAsset(gdCo2);
    TransactionReceipt tr = gdCo2.send(gdCo2.registry().transfers().request(other,
        gdCo.address(), ZERO));
    BigInteger foreignTransfer = TransferManager.getTransferRequestedEvents(tr).get(0).transferId;
    String unknown = Credentials.create(Keys.createEcKeyPair()).getAddress();

    hkCo.expectRevert(Registry::disputes, d -> d.openCase(asset, hkCo.address(), NONE, NONE,
        CLAIM), "SelfDispute", hkCo.address());
    hkCo.expectRevert(Registry::disputes, d -> d.openCase(asset, unknown, NONE, NONE, CLAIM),
        "UnknownParticipant", unknown);
    hkCo.expectRevert(Registry::disputes, d -> d.openCase(other, gdCo2.address(), g, NONE,
        CLAIM), "GrantNotOfAsset", g, other);
    hkCo.expectRevert(Registry::disputes, d -> d.openCase(asset, gdCo.address(), NONE,
        foreignTransfer, CLAIM), "TransferNotOfAsset", foreignTransfer, asset);
    hkCo.expectRevert(Registry::disputes, d -> d.openCase(asset, gdCo.address(), NONE, NONE,
        ZERO), "MissingField", "claimHash");
    hkCo.expectRevert(Registry::disputes, d -> d.openCase(BigInteger.valueOf(999),
        gdCo.address(), NONE, NONE, CLAIM), "UnknownAsset", 999);
    stranger.expectRevert(Registry::disputes, d -> d.openCase(asset, gdCo.address(), NONE, NONE,
        CLAIM), "NotActiveParticipant", stranger.address());

    BigInteger c = openCase(hkCo, asset, gdCo, g, NONE);
    DisputeManager.Case opened = disputes().caseOf(c).send();
    assertEquals(asset, opened.assetId);
    assertEquals(g, opened.grantId);
    assertEquals(hkCo.address(), opened.claimant);
    assertEquals(gdCo.address(), opened.respondent);
    assertEquals(code(CaseStatus.OPEN), opened.status);
    assertArrayEquals(CLAIM, opened.claimHash);
    assertEquals(c, disputes().caseOfAssetAt(asset, BigInteger.ZERO).send());
    assertEquals(BigInteger.ONE, disputes().casesOfAssetCount(asset).send());
    assertTrue(disputes().caseCount().send().compareTo(BigInteger.ONE) >= 0);
    gdCo.expectRevert(Registry::disputes, d -> d.caseOf(BigInteger.valueOf(999)), "UnknownCase",
        999);
  }

  @Test
  void onlyThePartiesAddEvidence() throws Exception {
    BigInteger asset = registerAsset(gdCo);
    BigInteger c = openCase(hkCo, asset, gdCo, NONE, NONE);
    hkCo.send(hkCo.registry().disputes().addEvidence(c, Hashes.of("crawler logs")));
    gdCo.send(gdCo.registry().disputes().addEvidence(c, Hashes.of("collection contracts")));
    moCo.expectRevert(Registry::disputes, d -> d.addEvidence(c, Hashes.of("x")), "NotCaseParty",
        c, moCo.address());
    hkCo.expectRevert(Registry::disputes, d -> d.addEvidence(c, ZERO), "MissingField",
        "evidenceHash");
    assertEquals(BigInteger.TWO, disputes().evidenceCount(c).send());
    DisputeManager.Evidence second = disputes().evidenceAt(c, BigInteger.ONE).send();
    assertEquals(gdCo.address(), second.submittedBy);
    assertArrayEquals(Hashes.of("collection contracts"), second.evidenceHash);
  }

  @Test
  void aFrozenAssetTakesNoTransfersGrantsOrChanges() throws Exception {
    BigInteger asset = registerAsset(gdCo);
    BigInteger g = grant(gdCo, asset, gdCo2, Right.USE, terms(GD, true, 1));
    TransactionReceipt filed = hkCo.send(hkCo.registry().assets().fileObjection(asset,
        Hashes.of("ours")));
    BigInteger objection = AssetRegistry.getObjectionFiledEvents(filed).get(0).objectionId;
    BigInteger c = openCase(hkCo, asset, gdCo, NONE, NONE);
    gdCo.expectRevert(Registry::disputes, d -> d.freeze(c), "WrongParticipantKind",
        gdCo.address(), code(ParticipantKind.COURT), code(ParticipantKind.ENTERPRISE));
    mediator.expectRevert(Registry::disputes, d -> d.freeze(c), "WrongParticipantKind",
        mediator.address(), code(ParticipantKind.COURT), code(ParticipantKind.MEDIATOR));
    court.send(court.registry().disputes().freeze(c));
    assertTrue(assets().assetOf(asset).send().frozen);
    court.expectRevert(Registry::disputes, d -> d.freeze(c), "AssetFrozen", asset);

    gdCo.expectRevert(Registry::transfers, t -> t.request(asset, gdCo2.address(), ZERO),
        "AssetFrozen", asset);
    gdCo.expectRevert(Registry::rights, r -> r.issueGrant(asset, hkCo.address(),
        code(Right.USE), terms(GD, false, 0)), "AssetFrozen", asset);
    gdCo2.expectRevert(Registry::rights, r -> r.sublicense(g, hkCo.address(),
        terms(GD, false, 0)), "AssetFrozen", asset);
    gdCo.expectRevert(Registry::assets, a -> a.changeMetadata(asset, Hashes.of("v2"), ZERO),
        "AssetFrozen", asset);
    gdCo.expectRevert(Registry::assets, a -> a.respondToObjection(objection, Hashes.of("ok"),
        true), "AssetFrozen", asset);
    assertTrue(valid(gdCo2, asset, Right.USE), "existing grants stay valid while frozen");

    court.send(court.registry().disputes().unfreeze(c));
    assertFalse(assets().assetOf(asset).send().frozen);
    court.expectRevert(Registry::disputes, d -> d.unfreeze(c), "AssetNotFrozen", asset);
    court.send(court.registry().disputes().freeze(c));
    gdCo.expectRevert(Registry::assets, a -> a.cancel(asset, ZERO), "AssetFrozen", asset);
  }

  @Test
  void aRulingRevokesMovesResolvesAndUnfreezesAtOnce() throws Exception {
    BigInteger asset = registerAsset(gdCo);
    BigInteger a = grant(gdCo, asset, gdCo2, Right.USE, terms(GD, true, 1));
    BigInteger b = sublicense(gdCo2, a, moCo, terms(GD, false, 0));
    BigInteger kept = grant(gdCo, asset, hkCo, Right.OPERATE, terms(GD, false, 0));
    TransactionReceipt tr = gdCo.send(gdCo.registry().transfers().request(asset,
        gdCo2.address(), ZERO));
    BigInteger pending = TransferManager.getTransferRequestedEvents(tr).get(0).transferId;
    TransactionReceipt filed = hkCo.send(hkCo.registry().assets().fileObjection(asset,
        Hashes.of("we own it")));
    BigInteger objection = AssetRegistry.getObjectionFiledEvents(filed).get(0).objectionId;
    BigInteger c = openCase(hkCo, asset, gdCo, a, pending);
    court.send(court.registry().disputes().freeze(c));
    assertTrue(valid(moCo, asset, Right.USE));

    byte[] judgment = Hashes.of("judgment (2025) Yue 03 Min Chu 1");
    BigInteger uphold = code(ObjectionOutcome.UPHOLD);
    gdCo.expectRevert(Registry::disputes, d -> d.rule(c, judgment, List.of(a), hkCo.address(),
        uphold, true), "WrongParticipantKind", gdCo.address(), code(ParticipantKind.COURT),
        code(ParticipantKind.ENTERPRISE));
    court.expectRevert(Registry::disputes, d -> d.rule(c, ZERO, List.of(a), hkCo.address(),
        uphold, true), "MissingField", "documentHash");
    court.expectRevert(Registry::disputes, d -> d.rule(c, judgment, List.of(a),
        stranger.address(), uphold, true), "NotActiveParticipant", stranger.address());
    court.expectRevert(Registry::disputes, d -> d.rule(c, judgment, List.of(a), hkCo.address(),
        BigInteger.valueOf(3), true), "InvalidObjectionOutcome", 3);
    BigInteger otherAsset = registerAsset(gdCo2);
    BigInteger foreign = grant(gdCo2, otherAsset, hkCo, Right.USE, terms(GD, false, 0));
    court.expectRevert(Registry::disputes, d -> d.rule(c, judgment, List.of(a, foreign),
        hkCo.address(), uphold, true), "GrantNotOfAsset", foreign, asset);

    TransactionReceipt ruled = court.send(court.registry().disputes().rule(c, judgment,
        List.of(a), hkCo.address(), uphold, true));
    var event = DisputeManager.getCaseRuledEvents(ruled).get(0);
    assertEquals(List.of(a), event.revokedGrantIds);

    assertFalse(valid(gdCo2, asset, Right.USE));
    RightAnswer sub = new RightAnswer(gdCo.registry().rights().checkRight(moCo.address(), asset,
        code(Right.USE), code(Region.GD), BigInteger.valueOf(node.latestTimestamp())).send());
    assertFalse(sub.valid());
    assertEquals(code(Validity.REVOKED), sub.reason());
    assertEquals(List.of(b, a), sub.chain());
    assertTrue(valid(hkCo, asset, Right.OPERATE), "grants not named in the ruling survive");
    assertEquals(kept, gdCo.registry().rights().grantOfGranteeAt(asset, hkCo.address(),
        BigInteger.ZERO).send());

    AssetRegistry.Asset after = assets().assetOf(asset).send();
    assertEquals(hkCo.address(), after.holder);
    assertFalse(after.frozen);
    assertEquals(BigInteger.ZERO, after.openObjectionId);
    AssetRegistry.Objection o = assets().objectionOf(objection).send();
    assertEquals(code(ObjectionStatus.UPHELD), o.status);
    assertEquals(court.address(), o.closedBy);
    assertEquals(c, o.caseId);
    TransferManager.Transfer voided = gdCo.registry().transfers().transferOf(pending).send();
    assertEquals(code(TransferStatus.VOIDED), voided.status);
    assertEquals(c, voided.voidedInCase);
    assertEquals(BigInteger.ZERO, gdCo.registry().transfers().pendingTransferOf(asset).send());
    DisputeManager.Case closed = disputes().caseOf(c).send();
    assertEquals(code(CaseStatus.RULED), closed.status);
    assertArrayEquals(judgment, closed.outcomeHash);
    assertEquals(hkCo.address(), closed.newHolder);
    assertEquals(List.of(a), disputes().revokedGrantsOf(c).send());

    court.expectRevert(Registry::disputes, d -> d.rule(c, judgment, List.of(), NOBODY,
        NONE, false), "CaseClosed", c, code(CaseStatus.RULED));
    hkCo.expectRevert(Registry::disputes, d -> d.addEvidence(c, Hashes.of("late")), "CaseClosed",
        c, code(CaseStatus.RULED));
    // The new holder may move it on at once: the voided transfer no longer blocks.
    hkCo.send(hkCo.registry().transfers().request(asset, moCo.address(), ZERO));
  }

  @Test
  void aRulingWithAnImpossibleEffectChangesNothing() throws Exception {
    BigInteger asset = registerAsset(gdCo);
    BigInteger a = grant(gdCo, asset, gdCo2, Right.USE, terms(GD, false, 0));
    BigInteger c = openCase(hkCo, asset, gdCo, NONE, NONE);
    byte[] doc = Hashes.of("ruling");
    court.expectRevert(Registry::disputes, d -> d.rule(c, doc, List.of(a), NOBODY,
        code(ObjectionOutcome.DISMISS), false), "NoOpenObjection", asset);
    court.expectRevert(Registry::disputes, d -> d.rule(c, doc, List.of(a), NOBODY, NONE, true),
        "AssetNotFrozen", asset);
    gdCo.send(gdCo.registry().rights().revokeGrant(a, ZERO));
    court.expectRevert(Registry::disputes, d -> d.rule(c, doc, List.of(a), NOBODY, NONE, false),
        "GrantEnded", a, code(GrantStatus.REVOKED));
    court.expectRevert(Registry::disputes, d -> d.rule(c, doc, List.of(BigInteger.valueOf(999)),
        NOBODY, NONE, false), "UnknownGrant", 999);
    assertEquals(code(CaseStatus.OPEN), disputes().caseOf(c).send().status);

    TransactionReceipt filed = moCo.send(moCo.registry().assets().fileObjection(asset,
        Hashes.of("mine")));
    BigInteger objection = AssetRegistry.getObjectionFiledEvents(filed).get(0).objectionId;
    court.send(court.registry().disputes().rule(c, doc, List.of(), NOBODY,
        code(ObjectionOutcome.DISMISS), false));
    assertEquals(code(ObjectionStatus.DISMISSED), assets().objectionOf(objection).send().status);
    assertEquals(gdCo.address(), assets().assetOf(asset).send().holder);
  }

  @Test
  void aMediatorSettles() throws Exception {
    BigInteger asset = registerAsset(gdCo);
    BigInteger c = openCase(hkCo, asset, gdCo, NONE, NONE);
    court.expectRevert(Registry::disputes, d -> d.settle(c, Hashes.of("s")),
        "WrongParticipantKind", court.address(), code(ParticipantKind.MEDIATOR),
        code(ParticipantKind.COURT));
    mediator.expectRevert(Registry::disputes, d -> d.settle(c, ZERO), "MissingField",
        "settlementHash");
    court.send(court.registry().disputes().freeze(c));
    mediator.send(mediator.registry().disputes().settle(c, Hashes.of("settlement agreement")));
    DisputeManager.Case settled = disputes().caseOf(c).send();
    assertEquals(code(CaseStatus.SETTLED), settled.status);
    assertEquals(mediator.address(), settled.closedBy);
    mediator.expectRevert(Registry::disputes, d -> d.settle(c, Hashes.of("again")), "CaseClosed",
        c, code(CaseStatus.SETTLED));
    court.expectRevert(Registry::disputes, d -> d.freeze(c), "CaseClosed", c,
        code(CaseStatus.SETTLED));
    // The court lifts its freeze after the settlement.
    court.send(court.registry().disputes().unfreeze(c));
    assertFalse(assets().assetOf(asset).send().frozen);
  }

  /** checkRight's answer with named parts. */
  private record RightAnswer(boolean valid, BigInteger reason, List<BigInteger> chain) {
    RightAnswer(Tuple3<Boolean, BigInteger, List<BigInteger>> t) {
      this(t.component1(), t.component2(), t.component3());
    }
  }
}
