package io.pcmsim.tools.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import io.pcmsim.protocol.Vin;
import io.pcmsim.time.SimulatedClock;
import io.pcmsim.tools.e2e.UplinkCapture.Captured;
import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The downlink path end to end: the backend asks one car for a fresh login ({@code RebirthRequest} on
 * {@code down/session} through its DownlinkPublisher), the car logs in afresh and the backend stores it;
 * the other cars are left alone.
 */
class RebirthIT {

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();

    @TempDir
    Path dataDir;

    @Test
    @Timeout(120)
    void backendRequestsRebirth_carLogsInAfresh_andTheBackendStoresIt() throws Exception {
        SimulatedClock clock = SimulatedClock.startingAt(Instant.now(), 3600);
        try (RunningSystem system = RunningSystem.start(BROKER.host(), BROKER.port(), dataDir, clock,
                fleet -> fleet.vehicles(3).seed(31).reportInterval(Duration.ofHours(1)))) {
            List<EmulatedVehicle> cars = system.fleet.vehicles();
            Vin asked = cars.get(0).vin();
            Vin other = cars.get(1).vin();
            await().atMost(Duration.ofSeconds(60)).until(() -> logins(system, asked) == 1 && logins(system, other) == 1);
            long storedBefore = system.backend.storedMessages(asked);

            system.backend.requestRebirth(asked, "gap in sequence").get(30, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(30)).until(() -> logins(system, asked) == 2);
            Captured second = system.capture.of(asked).stream().filter(c -> c.envelope().hasLogin())
                    .skip(1).findFirst().orElseThrow();
            assertThat(second.bootId()).as("a rebirth stays within the boot").isEqualTo(cars.get(0).bootId());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(system.backend.storedMessages(asked)).isGreaterThan(storedBefore));
            assertThat(logins(system, other)).as("only the car asked logs in again").isEqualTo(1);
        }
    }

    private static long logins(RunningSystem system, Vin vin) {
        return system.capture.of(vin).stream().filter(c -> c.envelope().hasLogin()).count();
    }
}
