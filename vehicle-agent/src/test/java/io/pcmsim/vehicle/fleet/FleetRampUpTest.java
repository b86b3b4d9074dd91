package io.pcmsim.vehicle.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pcmsim.time.SimulatedClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A car samples its state (and produces reports) only once it was first connected or started silent, so
 * a fleet ramping up spends nothing on cars that were never online. No broker: a closed local port.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FleetRampUpTest {

    private Fleet fleet;

    @AfterEach
    void stop() {
        if (fleet != null) {
            fleet.close();
        }
    }

    private static FleetConfig.Builder fastCars(int port) {
        // speed 3600 and a report per simulated minute: a sampling car produces one report per tick
        return FleetConfig.builder().brokerPort(port).seed(41)
                .clock(SimulatedClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"), 3600))
                .reportInterval(Duration.ofMinutes(1)).sampleInterval(Duration.ofMinutes(1));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void start_brokerUnreachable_carsNeverOnlineProduceNothing() throws IOException {
        fleet = Fleet.create(fastCars(closedPort()).vehicles(3).build());

        fleet.start();

        // three failed attempts per car take 0.25 + 0.5 + 1 s of backoff: about 18 samples of a ticking car
        await().atMost(Duration.ofSeconds(30)).until(() -> fleet.stats().totalConnectionErrors() >= 9);
        FleetStats stats = fleet.stats();
        assertThat(stats.buffered()).as("reports waiting in outboxes of cars never online").isZero();
        assertThat(stats.droppedOutboxFull()).isZero();
        assertThat(stats.totalSent()).isZero();
    }

    @Test
    void start_carsStartingSilent_sampleTheirStateAnyway() throws IOException {
        fleet = Fleet.create(fastCars(closedPort()).vehicles(2).privacyFraction(1).build());
        double odometerAtStart = fleet.vehicles().get(0).snapshot().odometerKm();

        fleet.start().join();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> fleet.vehicles().get(0).snapshot().odometerKm() > odometerAtStart);
        assertThat(fleet.stats().totalConnectionErrors()).as("a silent car does not connect").isZero();
    }
}
