package org.drr.cli.command;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drr.cli.ExitCode;
import org.drr.cli.chain.RegistryCodes;
import org.drr.cli.input.Inputs;
import org.drr.cli.registry.Registry;
import org.drr.cli.registry.TxResult;
import org.drr.contracts.generated.ParticipantRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drr participant}: onboarding and the participant directory. */
@Command(name = "participant",
    description = "Onboard, show, list, suspend and reinstate participants.")
public final class ParticipantCommand extends CommandSupport {

  @Command(name = "register",
      description = "Onboard ACCOUNT into a region (signer: an authority of that region).")
  int register(
      @Parameters(paramLabel = "ACCOUNT", description = "0x address or keystore account name.")
          String account,
      @Option(names = "--region", required = true, paramLabel = "GD|HK|MO") String region,
      @Option(names = "--kind", required = true,
          paramLabel = "ENTERPRISE|EXCHANGE|AUTHORITY|COURT|MEDIATOR|AUDITOR") String kind,
      @Option(names = "--name", required = true, description = "Public name.") String name,
      @Option(names = "--registry-id", required = true,
          description = "Public registry id, e.g. a unified social credit code.") String registryId) {
    String address = session().resolveAccount("ACCOUNT", account);
    int regionCode = Inputs.member("region", region, RegistryCodes.REGIONS);
    int kindCode = Inputs.member("kind", kind, RegistryCodes.KINDS);
    Inputs.text("--name", name, 200);
    Inputs.text("--registry-id", registryId, 100);
    Registry registry = session().registry();
    TxResult tx = registry.send(registry.participants(), registry.participants().register(
        address, BigInteger.valueOf(regionCode), BigInteger.valueOf(kindCode), name, registryId));
    session().out().record(tx.describe(Map.of("account", address)));
    return ExitCode.OK;
  }

  @Command(name = "show", description = "Show one participant.")
  int show(@Parameters(paramLabel = "ACCOUNT") String account) {
    String address = session().resolveAccount("ACCOUNT", account);
    Registry registry = session().registry();
    session().out().record(row(registry.view(registry.participants().participantOf(address))));
    return ExitCode.OK;
  }

  @Command(name = "list", description = "List participants in onboarding order.")
  int list(
      @Option(names = "--region", paramLabel = "GD|HK|MO") String region,
      @Option(names = "--kind", paramLabel = "KIND") String kind) {
    Integer regionCode = region == null ? null
        : Inputs.member("region", region, RegistryCodes.REGIONS);
    Integer kindCode = kind == null ? null : Inputs.member("kind", kind, RegistryCodes.KINDS);
    Registry registry = session().registry();
    ParticipantRegistry participants = registry.participants();
    long count = registry.view(participants.participantCount()).longValueExact();
    List<Map<String, ?>> rows = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      String address = registry.view(participants.participantAt(BigInteger.valueOf(i)));
      ParticipantRegistry.Participant p = registry.view(participants.participantOf(address));
      if ((regionCode == null || p.region.intValue() == regionCode)
          && (kindCode == null || p.kind.intValue() == kindCode)) {
        rows.add(row(p));
      }
    }
    session().out().table(List.of("account", "region", "kind", "status", "name", "registryId"),
        rows);
    return ExitCode.OK;
  }

  @Command(name = "suspend",
      description = "Suspend a participant (signer: an authority of its region).")
  int suspend(@Parameters(paramLabel = "ACCOUNT") String account) {
    String address = session().resolveAccount("ACCOUNT", account);
    Registry registry = session().registry();
    TxResult tx = registry.send(registry.participants(),
        registry.participants().suspend(address));
    session().out().record(tx.describe(Map.of("account", address)));
    return ExitCode.OK;
  }

  @Command(name = "reinstate",
      description = "Reinstate a suspended participant (signer: an authority of its region).")
  int reinstate(@Parameters(paramLabel = "ACCOUNT") String account) {
    String address = session().resolveAccount("ACCOUNT", account);
    Registry registry = session().registry();
    TxResult tx = registry.send(registry.participants(),
        registry.participants().reinstate(address));
    session().out().record(tx.describe(Map.of("account", address)));
    return ExitCode.OK;
  }

  static Map<String, Object> row(ParticipantRegistry.Participant p) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("account", org.web3j.crypto.Keys.toChecksumAddress(p.account));
    row.put("region", RegistryCodes.REGIONS.get(p.region.intValue()));
    row.put("kind", RegistryCodes.KINDS.get(p.kind.intValue()));
    row.put("status", RegistryCodes.PARTICIPANT_STATUS.get(p.status.intValue()));
    row.put("name", p.name);
    row.put("registryId", p.registryId);
    row.put("registeredAt", Times.iso(p.registeredAt));
    row.put("onboardedBy", p.onboardedBy);
    return row;
  }
}
