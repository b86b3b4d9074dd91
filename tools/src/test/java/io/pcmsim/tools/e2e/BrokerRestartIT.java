package io.pcmsim.tools.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pcmsim.protocol.Vin;
import io.pcmsim.time.SimulatedClock;
import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart of a broker that keeps its sessions (Mosquitto with persistence) in the middle of a run:
 * what the cars produced meanwhile waits in their outboxes and goes out after they reconnect (as would
 * a publish lost in flight; {@code UplinkChannelTest} covers that case, which a run rarely hits), so a
 * persistent subscriber receives every message the cars sent; and the backend subscribes again and
 * goes on storing. (Mosquitto 2.0 restores sessions but not their shared
 * subscriptions, so what arrives before the backend has subscribed again is not the backend's to see.)
 */
class BrokerRestartIT {

    @TempDir
    Path brokerDir;

    @TempDir
    Path dataDir;

    private MosquittoProcess broker;
    private RunningSystem system;

    @AfterEach
    void tearDown() throws Exception {
        if (system != null) {
            system.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Timeout(180)
    void brokerRestart_whileCarsReport_losesNoMessageTheCarsSent() throws Exception {
        broker = MosquittoProcess.prepare(brokerDir);
        broker.start();
        SimulatedClock clock = SimulatedClock.startingAt(Instant.parse("2027-09-01T06:00:00Z"), 3600);
        Map<Vin, Set<String>> sent = new ConcurrentHashMap<>();
        system = RunningSystem.start("127.0.0.1", broker.port(), dataDir, clock, fleet -> fleet
                        .vehicles(10)
                        .seed(4242)
                        .reportInterval(Duration.ofMinutes(20)),
                m -> sent.computeIfAbsent(m.vin(), v -> ConcurrentHashMap.newKeySet())
                        .add(m.header().bootId() + "/" + m.header().sequence()),
                true);
        List<Vin> vins = system.fleet.vehicles().stream().map(EmulatedVehicle::vin).toList();
        UplinkCapture persistent = system.capture;
        await().atMost(Duration.ofSeconds(60)).until(() -> persistent.all().size() >= 40);

        broker.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> system.fleet.stats().online() == 0);
        Instant downAt = clock.instant();
        // an hour of simulated time (three report intervals) passes with the broker down
        await().atMost(Duration.ofSeconds(30)).until(() -> clock.instant().isAfter(downAt.plus(Duration.ofHours(1))));
        long storedBeforeRestart = system.backend.stats().stored();
        broker.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> system.fleet.stats().online() == vins.size());
        await().atMost(Duration.ofSeconds(60)).until(() -> system.backend.stats().stored() >= storedBeforeRestart + 40);
        system.fleet.stop().get(60, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(vins).allSatisfy(vin ->
                assertThat(persistent.distinct(vin)).as(vin.value())
                        .isEqualTo(sent.getOrDefault(vin, Set.of()).size())));
        assertThat(vins).allSatisfy(vin -> assertThat(persistent.of(vin).stream().map(c -> c.bootId()).distinct())
                .as("a boot before and one after the restart").hasSizeGreaterThanOrEqualTo(2));
        assertThat(system.backend.stats().rejectedByReason()).isEmpty();
    }
}
