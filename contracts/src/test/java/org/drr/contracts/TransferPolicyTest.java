package org.drr.contracts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.drr.contracts.Codes.Category;
import org.drr.contracts.Codes.Classification;
import org.drr.contracts.Codes.Decision;
import org.drr.contracts.Codes.DecisionReason;
import org.drr.contracts.Codes.MovedVia;
import org.drr.contracts.Codes.Region;
import org.drr.contracts.Codes.Right;
import org.drr.contracts.Codes.TransferStatus;
import org.drr.contracts.Codes.Validity;
import org.drr.contracts.generated.AssetRegistry;
import org.drr.contracts.generated.PolicyRegistry;
import org.drr.contracts.generated.TransferManager;
import org.drr.contracts.testing.Actor;
import org.drr.contracts.testing.Hashes;
import org.drr.contracts.testing.RegistryFixture;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tuples.generated.Tuple2;

/** The cross-border decision table, its lists, and the transfer lifecycle it gates. */
class TransferPolicyTest extends RegistryFixture {
  private static final BigInteger GD = code(Region.GD);
  private static final BigInteger HK = code(Region.HK);
  private static final BigInteger MO = code(Region.MO);
  private static final byte[] ZERO = new byte[32];
  private static final byte[] DOC = Hashes.of("approval document");

  private PolicyRegistry policy() {
    return gdCo.registry().policy();
  }

  private TransferManager transfers() {
    return gdCo.registry().transfers();
  }

  private void assertDecision(Tuple2<BigInteger, BigInteger> answer, Decision decision,
      DecisionReason reason) {
    assertEquals(code(decision), answer.component1(), () -> "decision " + answer);
    assertEquals(code(reason), answer.component2(), () -> "reason " + answer);
  }

  private Tuple2<BigInteger, BigInteger> decide(Category category, Classification classification,
      String sector, Actor recipient, Region to) throws Exception {
    return policy().decideProfile(GD, code(category), code(classification),
        Codes.sector(sector), recipient.address(), code(to)).send();
  }

  private BigInteger request(Actor from, BigInteger assetId, Actor to) {
    TransactionReceipt receipt = from.send(from.registry().transfers().request(assetId,
        to.address(), Hashes.of("sale contract")));
    return TransferManager.getTransferRequestedEvents(receipt).get(0).transferId;
  }

  @Test
  void theDecisionTableInOrder() throws Exception {
    // Steps 1-3 and 6 need no lists.
    assertDecision(decide(Category.PERSONAL, Classification.CORE, "health", gdCo2, Region.GD),
        Decision.ALLOWED, DecisionReason.SAME_REGION);
    assertDecision(decide(Category.PUBLIC, Classification.CORE, "weather", hkCo, Region.HK),
        Decision.FORBIDDEN, DecisionReason.CORE);
    assertDecision(decide(Category.PERSONAL, Classification.IMPORTANT, "health", hkCo, Region.HK),
        Decision.NEEDS_APPROVAL, DecisionReason.IMPORTANT);
    assertDecision(decide(Category.PERSONAL, Classification.GENERAL, "retail", hkCo, Region.HK),
        Decision.NEEDS_APPROVAL, DecisionReason.PERSONAL);
    assertDecision(decide(Category.ENTERPRISE, Classification.GENERAL, "genomics", hkCo, Region.HK),
        Decision.ALLOWED, DecisionReason.DEFAULT_ALLOWED);

    gdAuthority.send(gdAuthority.registry().policy().addNegativeSector(GD,
        Codes.sector("genomics")));
    assertDecision(decide(Category.ENTERPRISE, Classification.GENERAL, "genomics", hkCo, Region.HK),
        Decision.NEEDS_APPROVAL, DecisionReason.NEGATIVE_LIST);
    gdAuthority.send(gdAuthority.registry().policy().addToWhitelist(GD, HK, hkCo.address(),
        Hashes.of("standard contract")));
    assertDecision(decide(Category.ENTERPRISE, Classification.GENERAL, "genomics", hkCo, Region.HK),
        Decision.ALLOWED, DecisionReason.NEGATIVE_LIST_WHITELISTED);
    assertDecision(decide(Category.PERSONAL, Classification.GENERAL, "retail", hkCo, Region.HK),
        Decision.ALLOWED, DecisionReason.PERSONAL_WHITELISTED);
    // The white list is per corridor and per recipient; IMPORTANT and CORE ignore it.
    assertDecision(decide(Category.PERSONAL, Classification.GENERAL, "retail", hkCo, Region.MO),
        Decision.NEEDS_APPROVAL, DecisionReason.PERSONAL);
    assertDecision(decide(Category.PERSONAL, Classification.IMPORTANT, "retail", hkCo, Region.HK),
        Decision.NEEDS_APPROVAL, DecisionReason.IMPORTANT);
    // Only the origin region's negative list counts.
    assertDecision(policy().decideProfile(HK, code(Category.ENTERPRISE),
        code(Classification.GENERAL), Codes.sector("genomics"), gdCo.address(), GD).send(),
        Decision.ALLOWED, DecisionReason.DEFAULT_ALLOWED);

    gdAuthority.send(gdAuthority.registry().policy().removeFromWhitelist(GD, HK, hkCo.address()));
    gdAuthority.send(gdAuthority.registry().policy().removeNegativeSector(GD,
        Codes.sector("genomics")));
    assertDecision(decide(Category.ENTERPRISE, Classification.GENERAL, "genomics", hkCo, Region.HK),
        Decision.ALLOWED, DecisionReason.DEFAULT_ALLOWED);

    BigInteger asset = registerAsset(gdCo, Category.ENTERPRISE, Classification.CORE, "energy");
    assertDecision(policy().decide(asset, hkCo.address(), HK).send(), Decision.FORBIDDEN,
        DecisionReason.CORE);
    gdCo.expectRevert(Registry::policy, p -> p.decide(BigInteger.valueOf(999), hkCo.address(), HK),
        "UnknownAsset", 999);
    gdCo.expectRevert(Registry::policy, p -> p.decideProfile(GD, BigInteger.valueOf(4),
        BigInteger.ZERO, Codes.sector("x"), hkCo.address(), HK), "InvalidCategory", 4);
    gdCo.expectRevert(Registry::policy, p -> p.decideProfile(GD, BigInteger.ZERO,
        BigInteger.valueOf(5), Codes.sector("x"), hkCo.address(), HK), "InvalidClassification", 5);
  }

  @Test
  void listsBelongToTheOriginRegionsAuthorities() throws Exception {
    byte[] finance = Codes.sector("finance");
    hkAuthority.expectRevert(Registry::policy, p -> p.addNegativeSector(GD, finance),
        "NotAuthorityOfRegion", hkAuthority.address(), GD);
    gdCo.expectRevert(Registry::policy, p -> p.addNegativeSector(GD, finance),
        "NotAuthorityOfRegion", gdCo.address(), GD);
    gdAuthority.expectRevert(Registry::policy, p -> p.addNegativeSector(BigInteger.valueOf(5),
        finance), "InvalidRegion", 5);
    gdAuthority.expectRevert(Registry::policy, p -> p.addNegativeSector(GD, ZERO),
        "MissingField", "sector");
    gdAuthority.send(gdAuthority.registry().policy().addNegativeSector(GD, finance));
    gdAuthority.send(gdAuthority.registry().policy().addNegativeSector(GD, Codes.sector("health")));
    gdAuthority.expectRevert(Registry::policy, p -> p.addNegativeSector(GD, finance),
        "SectorAlreadyListed", GD, finance);
    assertTrue(policy().isNegativeSector(GD, finance).send());
    assertFalse(policy().isNegativeSector(HK, finance).send());
    assertEquals(BigInteger.TWO, policy().negativeSectorCount(GD).send());
    gdAuthority.send(gdAuthority.registry().policy().removeNegativeSector(GD, finance));
    assertEquals(BigInteger.ONE, policy().negativeSectorCount(GD).send());
    assertEquals("health", Codes.sectorName(policy().negativeSectorAt(GD, BigInteger.ZERO).send()));
    gdAuthority.expectRevert(Registry::policy, p -> p.removeNegativeSector(GD, finance),
        "SectorNotListed", GD, finance);

    // A recipient no other test white-lists, so the corridor's other entries do not matter.
    String recipient = Credentials.create(Keys.createEcKeyPair()).getAddress();
    BigInteger listed = policy().whitelistCount(GD, MO).send();
    hkAuthority.expectRevert(Registry::policy, p -> p.addToWhitelist(GD, MO, recipient, DOC),
        "NotAuthorityOfRegion", hkAuthority.address(), GD);
    gdAuthority.expectRevert(Registry::policy, p -> p.addToWhitelist(GD, GD, recipient, DOC),
        "InvalidCorridor", GD, GD);
    gdAuthority.expectRevert(Registry::policy, p -> p.addToWhitelist(GD, BigInteger.valueOf(3),
        recipient, DOC), "InvalidRegion", 3);
    gdAuthority.expectRevert(Registry::policy, p -> p.addToWhitelist(GD, MO,
        "0x0000000000000000000000000000000000000000", DOC), "MissingField", "recipient");
    gdAuthority.expectRevert(Registry::policy, p -> p.addToWhitelist(GD, MO, recipient, ZERO),
        "MissingField", "contractHash");
    gdAuthority.send(gdAuthority.registry().policy().addToWhitelist(GD, MO, recipient, DOC));
    gdAuthority.expectRevert(Registry::policy, p -> p.addToWhitelist(GD, MO, recipient, DOC),
        "AlreadyWhitelisted", GD, MO, recipient);
    assertTrue(policy().isWhitelisted(GD, MO, recipient).send());
    assertFalse(policy().isWhitelisted(MO, GD, recipient).send());
    assertEquals(listed.add(BigInteger.ONE), policy().whitelistCount(GD, MO).send());
    PolicyRegistry.WhitelistEntry entry = policy().whitelistAt(GD, MO, listed).send();
    assertEquals(recipient, entry.recipient);
    assertArrayEquals(DOC, entry.contractHash);
    assertEquals(gdAuthority.address(), entry.addedBy);
    gdAuthority.send(gdAuthority.registry().policy().removeFromWhitelist(GD, MO, recipient));
    gdAuthority.expectRevert(Registry::policy, p -> p.removeFromWhitelist(GD, MO, recipient),
        "NotWhitelisted", GD, MO, recipient);
  }

  @Test
  void aDomesticTransferNeedsOnlyTheRecipientsAcceptance() throws Exception {
    BigInteger asset = registerAsset(gdCo);
    BigInteger before = transfers().transferCount().send();
    BigInteger t = request(gdCo, asset, gdCo2);
    TransferManager.Transfer requested = transfers().transferOf(t).send();
    assertEquals(code(TransferStatus.AWAITING_ACCEPTANCE), requested.status);
    assertEquals(code(DecisionReason.SAME_REGION), requested.reason);
    assertEquals(t, transfers().pendingTransferOf(asset).send());
    assertEquals(before.add(BigInteger.ONE), transfers().transferCount().send());
    gdCo.expectRevert(Registry::transfers, x -> x.request(asset, hkCo.address(), ZERO),
        "TransferPending", asset, t);
    hkCo.expectRevert(Registry::transfers, x -> x.accept(t), "NotTransferParty", t,
        hkCo.address());

    TransactionReceipt receipt = gdCo2.send(gdCo2.registry().transfers().accept(t));
    var moved = AssetRegistry.getHoldingMovedEvents(receipt).get(0);
    assertEquals(gdCo.address(), moved.from);
    assertEquals(gdCo2.address(), moved.to);
    assertEquals(code(MovedVia.TRANSFER), moved.via);
    assertEquals(gdCo2.address(), gdCo.registry().assets().assetOf(asset).send().holder);
    assertEquals(code(TransferStatus.COMPLETED), transfers().transferOf(t).send().status);
    assertEquals(BigInteger.ZERO, transfers().pendingTransferOf(asset).send());
    assertEquals(BigInteger.ONE, transfers().transfersOfAssetCount(asset).send());
    assertEquals(t, transfers().transferOfAssetAt(asset, BigInteger.ZERO).send());
    gdCo2.expectRevert(Registry::transfers, x -> x.accept(t), "WrongTransferStatus", t,
        code(TransferStatus.COMPLETED));
    gdCo.expectRevert(Registry::transfers, x -> x.cancel(t), "WrongTransferStatus", t,
        code(TransferStatus.COMPLETED));
    gdCo.expectRevert(Registry::transfers, x -> x.request(asset, hkCo.address(), ZERO),
        "NotHolder", asset, gdCo.address());
  }

  @Test
  void anImportantAssetLeavesOnlyWithTheOriginAuthoritysApproval() throws Exception {
    BigInteger asset = registerAsset(gdCo, Category.ENTERPRISE, Classification.IMPORTANT,
        "transport");
    BigInteger t = request(gdCo, asset, hkCo);
    TransferManager.Transfer pending = transfers().transferOf(t).send();
    assertEquals(code(TransferStatus.AWAITING_APPROVAL), pending.status);
    assertEquals(code(Decision.NEEDS_APPROVAL), pending.decision);
    assertEquals(code(DecisionReason.IMPORTANT), pending.reason);
    assertEquals(GD, pending.fromRegion);
    assertEquals(HK, pending.toRegion);
    hkCo.expectRevert(Registry::transfers, x -> x.accept(t), "WrongTransferStatus", t,
        code(TransferStatus.AWAITING_APPROVAL));
    hkAuthority.expectRevert(Registry::transfers, x -> x.approve(t, DOC), "NotAuthorityOfRegion",
        hkAuthority.address(), GD);
    gdAuthority.expectRevert(Registry::transfers, x -> x.approve(t, ZERO), "MissingField",
        "documentHash");
    gdAuthority.send(gdAuthority.registry().transfers().approve(t, DOC));
    TransferManager.Transfer approved = transfers().transferOf(t).send();
    assertEquals(gdAuthority.address(), approved.approver);
    assertArrayEquals(DOC, approved.approvalDoc);
    assertTrue(approved.approvedAt.signum() > 0);
    gdAuthority.expectRevert(Registry::transfers, x -> x.approve(t, DOC), "WrongTransferStatus",
        t, code(TransferStatus.AWAITING_ACCEPTANCE));
    hkCo.send(hkCo.registry().transfers().accept(t));
    assertEquals(hkCo.address(), gdCo.registry().assets().assetOf(asset).send().holder);
    // The origin stays GD: moving it on from HK is still decided by GD's rules.
    assertEquals(GD, gdCo.registry().assets().assetOf(asset).send().originRegion);
    BigInteger onward = request(hkCo, asset, moCo);
    assertEquals(code(TransferStatus.AWAITING_APPROVAL),
        transfers().transferOf(onward).send().status);
  }

  @Test
  void coreDataNeverLeavesAndListsDecideTheRest() throws Exception {
    BigInteger core = registerAsset(gdCo, Category.PUBLIC, Classification.CORE, "energy");
    gdCo.expectRevert(Registry::transfers, x -> x.request(core, hkCo.address(), ZERO),
        "CrossBorderForbidden", core, GD, HK, code(DecisionReason.CORE));
    BigInteger domestic = request(gdCo, core, gdCo2);
    gdCo.send(gdCo.registry().transfers().cancel(domestic));

    BigInteger personal = registerAsset(gdCo, Category.PERSONAL, Classification.GENERAL, "retail");
    BigInteger needsApproval = request(gdCo, personal, moCo);
    assertEquals(code(TransferStatus.AWAITING_APPROVAL),
        transfers().transferOf(needsApproval).send().status);
    gdCo.send(gdCo.registry().transfers().cancel(needsApproval));
    gdAuthority.send(gdAuthority.registry().policy().addToWhitelist(GD, MO, moCo.address(), DOC));
    BigInteger whitelisted = request(gdCo, personal, moCo);
    TransferManager.Transfer w = transfers().transferOf(whitelisted).send();
    assertEquals(code(TransferStatus.AWAITING_ACCEPTANCE), w.status);
    assertEquals(code(DecisionReason.PERSONAL_WHITELISTED), w.reason);
  }

  @Test
  void recipientsRejectSendersCancelAuthoritiesRefuse() throws Exception {
    BigInteger asset = registerAsset(gdCo, Category.ENTERPRISE, Classification.IMPORTANT,
        "transport");
    BigInteger t1 = request(gdCo, asset, hkCo);
    moCo.expectRevert(Registry::transfers, x -> x.reject(t1, ZERO), "NotTransferParty", t1,
        moCo.address());
    hkAuthority.expectRevert(Registry::transfers, x -> x.reject(t1, ZERO), "NotTransferParty", t1,
        hkAuthority.address());
    gdAuthority.send(gdAuthority.registry().transfers().reject(t1, Hashes.of("assessment failed")));
    TransferManager.Transfer refused = transfers().transferOf(t1).send();
    assertEquals(code(TransferStatus.REJECTED), refused.status);
    assertEquals(gdAuthority.address(), refused.closedBy);

    BigInteger t2 = request(gdCo, asset, hkCo);
    hkCo.send(hkCo.registry().transfers().reject(t2, Hashes.of("price too high")));
    assertEquals(code(TransferStatus.REJECTED), transfers().transferOf(t2).send().status);

    BigInteger t3 = request(gdCo, asset, hkCo);
    hkCo.expectRevert(Registry::transfers, x -> x.cancel(t3), "NotTransferParty", t3,
        hkCo.address());
    gdCo.send(gdCo.registry().transfers().cancel(t3));
    assertEquals(code(TransferStatus.CANCELLED), transfers().transferOf(t3).send().status);
    gdCo.expectRevert(Registry::transfers, x -> x.reject(t3, ZERO), "WrongTransferStatus", t3,
        code(TransferStatus.CANCELLED));
    gdCo.expectRevert(Registry::transfers, x -> x.transferOf(BigInteger.valueOf(999)),
        "UnknownTransfer", 999);
    gdCo.expectRevert(Registry::transfers, x -> x.request(asset, gdCo.address(), ZERO),
        "SelfTransfer", asset, gdCo.address());
    gdCo.expectRevert(Registry::transfers, x -> x.request(asset, stranger.address(), ZERO),
        "NotActiveParticipant", stranger.address());
    assertEquals(BigInteger.valueOf(3), transfers().transfersOfAssetCount(asset).send());
  }

  @Test
  void acceptanceRechecksTheAssetAtThatMoment() throws Exception {
    BigInteger asset = registerAsset(gdCo);
    BigInteger t = request(gdCo, asset, gdCo2);
    TransactionReceipt filed = hkCo.send(hkCo.registry().assets().fileObjection(asset,
        Hashes.of("contested")));
    BigInteger objection = AssetRegistry.getObjectionFiledEvents(filed).get(0).objectionId;
    gdCo2.expectRevert(Registry::transfers, x -> x.accept(t), "OpenObjection", asset, objection);
    hkCo.send(hkCo.registry().assets().withdrawObjection(objection));
    gdCo.send(gdCo.registry().assets().cancel(asset, Hashes.of("withdrawn")));
    gdCo2.expectRevert(Registry::transfers, x -> x.accept(t), "AssetCancelled", asset);
    gdCo.expectRevert(Registry::transfers, x -> x.request(asset, hkCo.address(), ZERO),
        "AssetCancelled", asset);
    gdCo.send(gdCo.registry().transfers().cancel(t));
  }

  @Test
  void grantsSurviveATransferAndTheNewHolderMayRevokeThem() throws Exception {
    BigInteger asset = registerAsset(gdCo);
    BigInteger g = grant(gdCo, asset, moCo, Right.USE, terms(Region.GD.maskBit(), false, 0));
    BigInteger t = request(gdCo, asset, gdCo2);
    gdCo2.send(gdCo2.registry().transfers().accept(t));
    long now = node.latestTimestamp();
    var answer = gdCo.registry().rights().checkRight(moCo.address(), asset, code(Right.USE), GD,
        BigInteger.valueOf(now)).send();
    assertTrue(answer.component1());
    assertEquals(List.of(g), answer.component3());
    gdCo2.send(gdCo2.registry().rights().revokeGrant(g, Hashes.of("new owner")));
    answer = gdCo.registry().rights().checkRight(moCo.address(), asset, code(Right.USE), GD,
        BigInteger.valueOf(now)).send();
    assertEquals(code(Validity.REVOKED), answer.component2());
  }
}
