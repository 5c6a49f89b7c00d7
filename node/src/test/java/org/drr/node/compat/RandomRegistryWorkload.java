package org.drr.node.compat;

import static org.drr.node.compat.RegistryScenario.address;
import static org.drr.node.compat.RegistryScenario.code;
import static org.drr.node.compat.RegistryScenario.hash;
import static org.drr.node.compat.RegistryScenario.step;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.drr.contracts.Codes;
import org.drr.contracts.Codes.Region;
import org.drr.contracts.Codes.Right;
import org.drr.contracts.Registry;

/**
 * A seeded random workload over a deployed registry (after {@link RegistryScenario}): asset
 * registrations (some with repeated fingerprints or out-of-range codes), metadata changes,
 * grants, transfer requests and acceptances, objections and participant registrations, from
 * random dev accounts, over random ids — so a good share revert, each for its own reason.
 */
final class RandomRegistryWorkload {
  private static final String[] SECTORS = {"transport", "finance", "health", "energy", "retail"};

  private RandomRegistryWorkload() {}

  /** {@code count} steps in batches of {@code batchSize}, from {@code seed}. */
  static List<List<ReplayStep>> batches(RegistryScenario scenario, long seed, int count,
      int batchSize) {
    Random random = new Random(seed);
    Registry registry = scenario.registry();
    Registry.Deployment d = scenario.deployment();
    List<List<ReplayStep>> out = new ArrayList<>();
    List<ReplayStep> batch = new ArrayList<>();
    int assets = 4; // the scenario's
    int transfers = 3;
    for (int i = 0; i < count; i++) {
      int sender = 1 + random.nextInt(9);
      BigInteger asset = BigInteger.valueOf(1 + random.nextInt(assets + 3));
      int other = 1 + random.nextInt(9);
      int roll = random.nextInt(100);
      String label = "random #" + i + " ";
      ReplayStep s;
      if (roll < 35) {
        assets++;
        String file = random.nextInt(10) == 0 ? "file-" + (1 + random.nextInt(assets)) : "r-" + i;
        int category = random.nextInt(12) == 0 ? 9 : random.nextInt(3);
        s = step(label + "register", sender, registry.assets().register(hash(file),
                hash("m" + i), "title " + i, "scenario", BigInteger.valueOf(category),
                BigInteger.valueOf(random.nextInt(3)),
                Codes.sector(SECTORS[random.nextInt(SECTORS.length)]), List.of()),
            d.assets(), ReplayStep.Expect.EITHER);
      } else if (roll < 50) {
        s = step(label + "changeMetadata", sender, registry.assets().changeMetadata(asset,
            hash("v" + i), hash("reason")), d.assets(), ReplayStep.Expect.EITHER);
      } else if (roll < 65) {
        int regions = 1 + random.nextInt(7);
        s = step(label + "issueGrant", sender, registry.rights().issueGrant(asset, address(other),
            code(Right.USE), scenario.terms(regions, random.nextBoolean(), random.nextInt(3))),
            d.rights(), ReplayStep.Expect.EITHER);
      } else if (roll < 77) {
        transfers++;
        s = step(label + "request", sender, registry.transfers().request(asset, address(other),
            hash("t" + i)), d.transfers(), ReplayStep.Expect.EITHER);
      } else if (roll < 87) {
        s = step(label + "accept", sender, registry.transfers().accept(
            BigInteger.valueOf(1 + random.nextInt(transfers))), d.transfers(),
            ReplayStep.Expect.EITHER);
      } else if (roll < 95) {
        s = step(label + "fileObjection", sender, registry.assets().fileObjection(asset,
            hash("g" + i)), d.assets(), ReplayStep.Expect.EITHER);
      } else {
        String who = "0x" + String.format("%040x", new BigInteger(159, random));
        Region region = Region.values()[random.nextInt(3)];
        s = step(label + "participant", sender, registry.participants().register(who,
            code(region), code(Codes.ParticipantKind.ENTERPRISE), "p" + i, "R-" + i),
            d.participants(), ReplayStep.Expect.EITHER);
      }
      batch.add(s);
      if (batch.size() == batchSize) {
        out.add(batch);
        batch = new ArrayList<>();
      }
    }
    if (!batch.isEmpty()) {
      out.add(batch);
    }
    return out;
  }
}
