package org.drr.contracts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.drr.contracts.Codes.AssetStatus;
import org.drr.contracts.Codes.Category;
import org.drr.contracts.Codes.Classification;
import org.drr.contracts.Codes.ObjectionStatus;
import org.drr.contracts.Codes.Region;
import org.drr.contracts.Codes.Right;
import org.drr.contracts.generated.AssetRegistry;
import org.drr.contracts.testing.Hashes;
import org.drr.contracts.testing.RegistryFixture;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** Registration lifecycle: first registration, lineage, change, cancellation, objection. */
class AssetRulesTest extends RegistryFixture {
  private static final BigInteger ENTERPRISE = code(Category.ENTERPRISE);
  private static final BigInteger GENERAL = code(Classification.GENERAL);
  private static final byte[] META = Hashes.of("metadata");
  private static final byte[] ZERO = new byte[32];
  private static final byte[] SECTOR = Codes.sector("transport");

  private AssetRegistry assets() {
    return gdCo.registry().assets();
  }

  @Test
  void registrationRecordsTheProfileAndTheRegistrantsRegion() throws Exception {
    byte[] fingerprint = freshFingerprint();
    TransactionReceipt receipt = hkCo.send(hkCo.registry().assets().register(fingerprint, META,
        "Port logistics", "supply-chain finance", code(Category.PERSONAL),
        code(Classification.IMPORTANT), Codes.sector("logistics"), List.of()));
    var event = AssetRegistry.getAssetRegisteredEvents(receipt).get(0);
    AssetRegistry.Asset a = assets().assetOf(event.assetId).send();
    assertEquals(event.assetId, a.id);
    assertArrayEquals(fingerprint, a.fingerprint);
    assertArrayEquals(META, a.metadataHash);
    assertEquals(hkCo.address(), a.holder);
    assertEquals(hkCo.address(), a.registrant);
    assertEquals(code(Region.HK), a.originRegion);
    assertEquals(code(Category.PERSONAL), a.category);
    assertEquals(code(Classification.IMPORTANT), a.classification);
    assertEquals("logistics", Codes.sectorName(a.sector));
    assertEquals(code(AssetStatus.ACTIVE), a.status);
    assertEquals("Port logistics", a.title);
    assertEquals("supply-chain finance", a.scenario);
    assertEquals(BigInteger.ZERO, a.version);
    assertTrue(a.registeredAt.longValue() > 0);
    BigInteger held = assets().holdingCount(hkCo.address()).send();
    assertEquals(event.assetId,
        assets().holdingAt(hkCo.address(), held.subtract(BigInteger.ONE)).send());
    assertEquals(event.assetId, assets().registrationAt(fingerprint, BigInteger.ZERO).send());
  }

  @Test
  void aPlainRegistrationStaysLean() throws Exception {
    // Bulk import speed depends on this; the bound catches accidental extra storage writes.
    TransactionReceipt first = gdCo.send(gdCo.registry().assets().register(freshFingerprint(),
        META, "Traffic flows 2024", "urban planning", ENTERPRISE, GENERAL, SECTOR, List.of()));
    TransactionReceipt next = gdCo.send(gdCo.registry().assets().register(freshFingerprint(),
        META, "Traffic flows 2025", "urban planning", ENTERPRISE, GENERAL, SECTOR, List.of()));
    long gas = next.getGasUsed().longValueExact();
    assertTrue(gas < 290_000,
        "registration used " + gas + " gas (first: " + first.getGasUsed() + ")");
  }

  @Test
  void noScenarioNoRegistrationAndOtherMissingValues() {
    byte[] fp = freshFingerprint();
    gdCo.expectRevert(Registry::assets, a -> a.register(fp, META, "t", "", ENTERPRISE, GENERAL,
        SECTOR, List.of()), "MissingField", "scenario");
    gdCo.expectRevert(Registry::assets, a -> a.register(fp, META, "", "s", ENTERPRISE, GENERAL,
        SECTOR, List.of()), "MissingField", "title");
    gdCo.expectRevert(Registry::assets, a -> a.register(ZERO, META, "t", "s", ENTERPRISE,
        GENERAL, SECTOR, List.of()), "MissingField", "fingerprint");
    gdCo.expectRevert(Registry::assets, a -> a.register(fp, ZERO, "t", "s", ENTERPRISE, GENERAL,
        SECTOR, List.of()), "MissingField", "metadataHash");
    gdCo.expectRevert(Registry::assets, a -> a.register(fp, META, "t", "s", ENTERPRISE, GENERAL,
        ZERO, List.of()), "MissingField", "sector");
    gdCo.expectRevert(Registry::assets, a -> a.register(fp, META, "t", "s", BigInteger.valueOf(3),
        GENERAL, SECTOR, List.of()), "InvalidCategory", 3);
    gdCo.expectRevert(Registry::assets, a -> a.register(fp, META, "t", "s", ENTERPRISE,
        BigInteger.valueOf(3), SECTOR, List.of()), "InvalidClassification", 3);
    stranger.expectRevert(Registry::assets, a -> a.register(fp, META, "t", "s", ENTERPRISE,
        GENERAL, SECTOR, List.of()), "NotActiveParticipant", stranger.address());
    gdCo.expectRevert(Registry::assets, a -> a.assetOf(BigInteger.valueOf(999)),
        "UnknownAsset", 999);
  }

  @Test
  void sameHolderCannotRegisterAFingerprintTwiceButOthersMayInPriorityOrder() throws Exception {
    byte[] fp = freshFingerprint();
    BigInteger first = registerAsset(gdCo, fp, Category.ENTERPRISE, Classification.GENERAL,
        "transport", List.of());
    gdCo.expectRevert(Registry::assets, a -> a.register(fp, META, "t", "s", ENTERPRISE, GENERAL,
        SECTOR, List.of()), "DuplicateRegistration", fp, gdCo.address(), first);
    BigInteger second = registerAsset(hkCo, fp, Category.ENTERPRISE, Classification.GENERAL,
        "transport", List.of());
    assertEquals(BigInteger.TWO, assets().registrationCount(fp).send());
    assertEquals(first, assets().registrationAt(fp, BigInteger.ZERO).send());
    assertEquals(second, assets().registrationAt(fp, BigInteger.ONE).send());

    gdCo.send(gdCo.registry().assets().cancel(first, Hashes.of("withdrawn")));
    BigInteger third = registerAsset(gdCo, fp, Category.ENTERPRISE, Classification.GENERAL,
        "transport", List.of());
    assertEquals(third, assets().registrationAt(fp, BigInteger.TWO).send());
  }

  @Test
  void derivedProductsNeedHoldOrAValidUseRightOnEveryParent() throws Exception {
    BigInteger own = registerAsset(gdCo);
    BigInteger others = registerAsset(gdCo2, Category.ENTERPRISE, Classification.IMPORTANT,
        "transport");
    gdCo.expectRevert(Registry::assets, a -> a.register(freshFingerprint(), META, "t", "s",
        ENTERPRISE, code(Classification.IMPORTANT), SECTOR, List.of(own, others)),
        "NoRightOnParent", others, gdCo.address());

    grant(gdCo2, others, gdCo, Right.USE, terms(Region.GD.maskBit(), false, 0));
    gdCo.expectRevert(Registry::assets, a -> a.register(freshFingerprint(), META, "t", "s",
        ENTERPRISE, GENERAL, SECTOR, List.of(own, others)),
        "ClassificationBelowParent", others, code(Classification.IMPORTANT), GENERAL);
    BigInteger product = registerAsset(gdCo, freshFingerprint(), Category.ENTERPRISE,
        Classification.IMPORTANT, "transport", List.of(own, others));
    assertEquals(List.of(own, others), assets().parentsOf(product).send());
    assertEquals(BigInteger.ONE, assets().derivedCount(others).send());
    assertEquals(product, assets().derivedAt(others, BigInteger.ZERO).send());

    gdCo.expectRevert(Registry::assets, a -> a.register(freshFingerprint(), META, "t", "s",
        ENTERPRISE, GENERAL, SECTOR, List.of(BigInteger.valueOf(999))), "UnknownAsset", 999);
    gdCo.send(gdCo.registry().assets().cancel(own, Hashes.of("gone")));
    gdCo.expectRevert(Registry::assets, a -> a.register(freshFingerprint(), META, "t", "s",
        ENTERPRISE, GENERAL, SECTOR, List.of(own)), "AssetCancelled", own);
  }

  @Test
  void changeAddsAMetadataVersionAndKeepsTheOldOnes() throws Exception {
    BigInteger id = registerAsset(gdCo);
    assertEquals(BigInteger.ONE, assets().metadataVersionCount(id).send());
    assertArrayEquals(META, assets().metadataVersionAt(id, BigInteger.ZERO).send().metadataHash);
    byte[] v1 = Hashes.of("metadata v1");
    byte[] v2 = Hashes.of("metadata v2");
    gdCo.send(gdCo.registry().assets().changeMetadata(id, v1, Hashes.of("new columns")));
    gdCo.send(gdCo.registry().assets().changeMetadata(id, v2, Hashes.of("fixed typo")));
    AssetRegistry.Asset a = assets().assetOf(id).send();
    assertEquals(BigInteger.TWO, a.version);
    assertArrayEquals(v2, a.metadataHash);
    assertEquals(BigInteger.valueOf(3), assets().metadataVersionCount(id).send());
    assertArrayEquals(META, assets().metadataVersionAt(id, BigInteger.ZERO).send().metadataHash);
    AssetRegistry.MetadataVersion first = assets().metadataVersionAt(id, BigInteger.ONE).send();
    assertArrayEquals(v1, first.metadataHash);
    assertEquals(gdCo.address(), first.changedBy);
    assertArrayEquals(Hashes.of("new columns"), first.reasonHash);

    hkCo.expectRevert(Registry::assets, x -> x.changeMetadata(id, v1, ZERO), "NotHolder", id,
        hkCo.address());
    gdCo.expectRevert(Registry::assets, x -> x.changeMetadata(id, ZERO, ZERO), "MissingField",
        "metadataHash");
  }

  @Test
  void cancellationIsFinalAndHolderOnly() throws Exception {
    BigInteger id = registerAsset(gdCo);
    gdCo2.expectRevert(Registry::assets, a -> a.cancel(id, ZERO), "NotHolder", id,
        gdCo2.address());
    gdCo.send(gdCo.registry().assets().cancel(id, Hashes.of("obsolete")));
    assertEquals(code(AssetStatus.CANCELLED), assets().assetOf(id).send().status);
    gdCo.expectRevert(Registry::assets, a -> a.cancel(id, ZERO), "AssetCancelled", id);
    gdCo.expectRevert(Registry::assets, a -> a.changeMetadata(id, META, ZERO), "AssetCancelled",
        id);
    gdCo2.expectRevert(Registry::assets, a -> a.fileObjection(id, Hashes.of("g")),
        "AssetCancelled", id);
  }

  @Test
  void anObjectionBlocksTransferAndCancellationUntilWithdrawn() throws Exception {
    BigInteger id = registerAsset(gdCo);
    byte[] grounds = Hashes.of("we collected this data first");
    gdCo.expectRevert(Registry::assets, a -> a.fileObjection(id, grounds), "HolderCannotObject",
        id, gdCo.address());
    gdCo2.expectRevert(Registry::assets, a -> a.fileObjection(id, ZERO), "MissingField",
        "groundsHash");
    TransactionReceipt receipt = gdCo2.send(gdCo2.registry().assets().fileObjection(id, grounds));
    BigInteger objectionId = AssetRegistry.getObjectionFiledEvents(receipt).get(0).objectionId;
    assertEquals(objectionId, assets().assetOf(id).send().openObjectionId);
    hkCo.expectRevert(Registry::assets, a -> a.fileObjection(id, grounds), "OpenObjection", id,
        objectionId);
    gdCo.expectRevert(Registry::transfers, t -> t.request(id, gdCo2.address(), ZERO),
        "OpenObjection", id, objectionId);
    gdCo.expectRevert(Registry::assets, a -> a.cancel(id, ZERO), "OpenObjection", id,
        objectionId);

    // The holder answers without withdrawing: the objection stays open.
    gdCo.send(gdCo.registry().assets().respondToObjection(objectionId, Hashes.of("ours"), false));
    AssetRegistry.Objection o = assets().objectionOf(objectionId).send();
    assertEquals(code(ObjectionStatus.OPEN), o.status);
    assertArrayEquals(Hashes.of("ours"), o.responseHash);

    hkCo.expectRevert(Registry::assets, a -> a.withdrawObjection(objectionId), "NotObjector",
        objectionId, hkCo.address());
    gdCo2.send(gdCo2.registry().assets().withdrawObjection(objectionId));
    o = assets().objectionOf(objectionId).send();
    assertEquals(code(ObjectionStatus.WITHDRAWN), o.status);
    assertEquals(gdCo2.address(), o.closedBy);
    assertEquals(BigInteger.ZERO, assets().assetOf(id).send().openObjectionId);
    gdCo2.expectRevert(Registry::assets, a -> a.withdrawObjection(objectionId), "ObjectionNotOpen",
        objectionId, code(ObjectionStatus.WITHDRAWN));
    gdCo2.expectRevert(Registry::assets, a -> a.objectionOf(BigInteger.valueOf(999)),
        "UnknownObjection", 999);
    assertEquals(BigInteger.ONE, assets().objectionsOfAssetCount(id).send());
    assertEquals(objectionId, assets().objectionOfAssetAt(id, BigInteger.ZERO).send());
    gdCo.send(gdCo.registry().transfers().request(id, gdCo2.address(), ZERO));
  }

  @Test
  void theHoldersWithdrawalResponseCancelsAndResolves() throws Exception {
    BigInteger id = registerAsset(gdCo);
    TransactionReceipt receipt = hkCo.send(
        hkCo.registry().assets().fileObjection(id, Hashes.of("copied from us")));
    BigInteger objectionId = AssetRegistry.getObjectionFiledEvents(receipt).get(0).objectionId;
    hkCo.expectRevert(Registry::assets,
        a -> a.respondToObjection(objectionId, Hashes.of("r"), true), "NotHolder", id,
        hkCo.address());
    gdCo.expectRevert(Registry::assets, a -> a.respondToObjection(objectionId, ZERO, true),
        "MissingField", "responseHash");
    gdCo.send(gdCo.registry().assets().respondToObjection(objectionId, Hashes.of("agreed"), true));
    assertEquals(code(ObjectionStatus.REGISTRATION_WITHDRAWN),
        assets().objectionOf(objectionId).send().status);
    AssetRegistry.Asset a = assets().assetOf(id).send();
    assertEquals(code(AssetStatus.CANCELLED), a.status);
    assertEquals(BigInteger.ZERO, a.openObjectionId);
  }
}
