package org.drr.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.drr.contracts.Codes.ParticipantKind;
import org.drr.contracts.Codes.ParticipantStatus;
import org.drr.contracts.Codes.Region;
import org.drr.contracts.generated.ParticipantRegistry;
import org.drr.contracts.testing.Actor;
import org.drr.contracts.testing.Hashes;
import org.drr.contracts.testing.RegistryFixture;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** Participants: onboarding by the region's authorities, suspension, reinstatement. */
class ParticipantRulesTest extends RegistryFixture {
  private static final BigInteger GD = code(Region.GD);
  private static final BigInteger HK = code(Region.HK);
  private static final BigInteger ENTERPRISE = code(ParticipantKind.ENTERPRISE);

  private static String randomAddress() throws Exception {
    return Credentials.create(Keys.createEcKeyPair()).getAddress();
  }

  @Test
  void firstAuthoritiesAreSetAtDeployment() throws Exception {
    ParticipantRegistry participants = gdCo.registry().participants();
    assertEquals(gdAuthority.address(), participants.participantAt(BigInteger.ZERO).send());
    ParticipantRegistry.Participant hk = participants.participantOf(hkAuthority.address()).send();
    assertEquals(code(ParticipantKind.AUTHORITY), hk.kind);
    assertEquals(HK, hk.region);
    assertEquals(code(ParticipantStatus.ACTIVE), hk.status);
    assertEquals("HK Digital Office", hk.name);
    assertEquals("HK-AUTH-1", hk.registryId);
    assertEquals("0x0000000000000000000000000000000000000000", hk.onboardedBy);
    assertTrue(participants.isAuthorityOf(moAuthority.address(), code(Region.MO)).send());
    assertFalse(participants.isAuthorityOf(moAuthority.address(), GD).send());
  }

  @Test
  void authorityOnboardsIntoItsOwnRegion() throws Exception {
    String account = randomAddress();
    BigInteger before = gdCo.registry().participants().participantCount().send();
    TransactionReceipt receipt = gdAuthority.send(gdAuthority.registry().participants()
        .register(account, GD, code(ParticipantKind.EXCHANGE), "Shenzhen Data Exchange",
            "91440300MA5G0XXXXX"));
    var event = ParticipantRegistry.getParticipantRegisteredEvents(receipt).get(0);
    assertEquals(account, event.account);
    assertEquals(gdAuthority.address(), event.by);
    ParticipantRegistry participants = gdCo.registry().participants();
    ParticipantRegistry.Participant p = participants.participantOf(account).send();
    assertEquals(code(ParticipantKind.EXCHANGE), p.kind);
    assertEquals("Shenzhen Data Exchange", p.name);
    assertEquals(gdAuthority.address(), p.onboardedBy);
    assertEquals(before.add(BigInteger.ONE), participants.participantCount().send());
    assertEquals(account, gdCo.registry().participants().participantAt(before).send());
    assertTrue(gdCo.registry().participants().isActive(account).send());
  }

  @Test
  void onlyAnActiveAuthorityOfTheRegionOnboards() throws Exception {
    String account = randomAddress();
    gdAuthority.expectRevert(Registry::participants,
        p -> p.register(account, HK, ENTERPRISE, "X", "Y"), "NotAuthorityOfRegion",
        gdAuthority.address(), HK);
    gdCo.expectRevert(Registry::participants,
        p -> p.register(account, GD, ENTERPRISE, "X", "Y"), "NotAuthorityOfRegion",
        gdCo.address(), GD);
    stranger.expectRevert(Registry::participants,
        p -> p.register(account, GD, ENTERPRISE, "X", "Y"), "NotActiveParticipant",
        stranger.address());
  }

  @Test
  void onboardingRejectsBadValues() throws Exception {
    String account = randomAddress();
    gdAuthority.expectRevert(Registry::participants,
        p -> p.register(account, BigInteger.valueOf(3), ENTERPRISE, "X", "Y"), "InvalidRegion", 3);
    gdAuthority.expectRevert(Registry::participants,
        p -> p.register(account, GD, BigInteger.valueOf(6), "X", "Y"), "InvalidKind", 6);
    gdAuthority.expectRevert(Registry::participants,
        p -> p.register("0x0000000000000000000000000000000000000000", GD, ENTERPRISE, "X", "Y"),
        "MissingField", "account");
    gdAuthority.expectRevert(Registry::participants,
        p -> p.register(account, GD, ENTERPRISE, "", "Y"), "MissingField", "name");
    gdAuthority.expectRevert(Registry::participants,
        p -> p.register(account, GD, ENTERPRISE, "X", ""), "MissingField", "registryId");
    gdAuthority.expectRevert(Registry::participants,
        p -> p.register(gdCo.address(), GD, ENTERPRISE, "X", "Y"), "ParticipantExists",
        gdCo.address());
    gdCo.expectRevert(Registry::participants, p -> p.participantOf(account),
        "UnknownParticipant", account);
  }

  @Test
  void suspendedParticipantsCannotActUntilReinstated() throws Exception {
    gdAuthority.send(gdAuthority.registry().participants().suspend(gdCo2.address()));
    ParticipantRegistry participants = gdCo.registry().participants();
    assertFalse(participants.isActive(gdCo2.address()).send());
    assertTrue(participants.isRegistered(gdCo2.address()).send());
    assertEquals(code(ParticipantStatus.SUSPENDED),
        participants.participantOf(gdCo2.address()).send().status);
    gdCo2.expectRevert(Registry::assets, a -> a.register(freshFingerprint(),
        Hashes.of("m"), "t", "s", BigInteger.ONE, BigInteger.ZERO,
        Codes.sector("transport"), List.of()), "NotActiveParticipant", gdCo2.address());
    gdAuthority.expectRevert(Registry::participants, p -> p.suspend(gdCo2.address()),
        "ParticipantAlreadySuspended", gdCo2.address());

    gdAuthority.send(gdAuthority.registry().participants().reinstate(gdCo2.address()));
    assertTrue(participants.isActive(gdCo2.address()).send());
    gdAuthority.expectRevert(Registry::participants, p -> p.reinstate(gdCo2.address()),
        "ParticipantNotSuspended", gdCo2.address());
  }

  @Test
  void suspensionIsForTheParticipantsOwnRegionsAuthorities() throws Exception {
    String unknown = randomAddress();
    hkAuthority.expectRevert(Registry::participants, p -> p.suspend(gdCo.address()),
        "NotAuthorityOfRegion", hkAuthority.address(), GD);
    hkAuthority.expectRevert(Registry::participants, p -> p.reinstate(gdCo.address()),
        "NotAuthorityOfRegion", hkAuthority.address(), GD);
    gdCo2.expectRevert(Registry::participants, p -> p.suspend(gdCo.address()),
        "NotAuthorityOfRegion", gdCo2.address(), GD);
    gdAuthority.expectRevert(Registry::participants, p -> p.suspend(gdAuthority.address()),
        "SelfSuspension", gdAuthority.address());
    gdAuthority.expectRevert(Registry::participants, p -> p.suspend(unknown),
        "UnknownParticipant", unknown);
  }

  @Test
  void aSuspendedAuthorityLosesItsPowers() throws Exception {
    Actor second = new Actor("gdAuthority2", node.devAccount(0), deployment, node);
    onboard(gdAuthority, second, Region.GD, ParticipantKind.AUTHORITY);
    second.send(second.registry().participants().suspend(gdAuthority.address()));
    String account = randomAddress();
    gdAuthority.expectRevert(Registry::participants,
        p -> p.register(account, GD, ENTERPRISE, "X", "Y"), "NotActiveParticipant",
        gdAuthority.address());
    second.send(second.registry().participants().reinstate(gdAuthority.address()));
    assertTrue(gdCo.registry().participants().isAuthorityOf(gdAuthority.address(), GD).send());
  }

  @Test
  void requireKindNamesTheKindMissing() {
    gdCo.expectRevert(Registry::participants,
        p -> p.requireKind(gdCo.address(), code(ParticipantKind.COURT)), "WrongParticipantKind",
        gdCo.address(), code(ParticipantKind.COURT), ENTERPRISE);
  }
}
