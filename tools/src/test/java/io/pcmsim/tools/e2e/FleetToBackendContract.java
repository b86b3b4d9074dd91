package io.pcmsim.tools.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pcmsim.backend.Backend;
import io.pcmsim.backend.MaintenanceNeed;
import io.pcmsim.backend.internal.smartservice.MaintenanceRules;
import io.pcmsim.backend.testing.TestPublisher;
import io.pcmsim.protocol.UplinkCodec;
import io.pcmsim.protocol.Vin;
import io.pcmsim.time.SimulatedClock;
import io.pcmsim.tools.e2e.UplinkCapture.Captured;
import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import io.pcmsim.vehicle.fleet.MqttClientLibrary;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twenty emulated cars against a real broker and the backend: every report is stored once, the
 * needs the backend derives are those the rules give for each car's newest state, and QoS 1
 * duplicates are stored once. Subclasses name the broker.
 */
abstract class FleetToBackendContract {

    private static final int CARS = 20;

    @TempDir
    Path dataDir;

    private RunningSystem system;

    abstract String host();

    abstract int port();

    /** Seed of the fleet; a shared broker needs VINs no other run uses at the same time. */
    abstract long seed();

    /** The cars' MQTT client library. */
    MqttClientLibrary client() {
        return MqttClientLibrary.HIVEMQ;
    }

    @AfterEach
    void tearDown() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Timeout(180)
    void fleet_whenRunning_storesEveryReportOnceAndDerivesTheRulesNeeds() throws Exception {
        SimulatedClock clock = SimulatedClock.startingAt(Instant.parse("2027-03-01T06:00:00Z"), 3600);
        system = RunningSystem.start(host(), port(), dataDir, clock, fleet -> fleet
                .vehicles(CARS)
                .seed(seed())
                .mqttClient(client())
                .reportInterval(Duration.ofHours(1)));
        Backend backend = system.backend;
        UplinkCapture capture = system.capture;
        List<Vin> vins = system.fleet.vehicles().stream().map(EmulatedVehicle::vin).toList();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(vins).allSatisfy(vin -> assertThat(backend.storedMessages(vin)).isGreaterThanOrEqualTo(3)));
        system.fleet.stop().get(60, TimeUnit.SECONDS);

        // everything delivered is stored, once per (vin, boot id, sequence)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(vins).allSatisfy(vin ->
                        assertThat(backend.storedMessages(vin)).as(vin.value()).isEqualTo(capture.distinct(vin))));
        assertThat(backend.stats().rejectedByReason()).isEmpty();

        // the needs are the rules' verdict on each car's newest reported state
        MaintenanceRules rules = MaintenanceRules.defaults();
        long total = 0;
        for (Vin vin : vins) {
            Captured newest = capture.newestState(vin).orElseThrow();
            var state = newest.envelope().getSmartService().getState();
            List<MaintenanceNeed> expected = rules.evaluate(vin, UplinkCodec.reportedState(state),
                    Instant.ofEpochMilli(newest.envelope().getHeader().getVehicleTimeMs()));
            assertThat(summary(backend.maintenanceNeeds(vin))).as(vin.value()).isEqualTo(summary(expected));
            total += expected.size();
        }
        assertThat(total).as("a realistic fleet of 20 has some maintenance needs").isPositive();

        // QoS 1 duplicates (the same message delivered again) are stored once and counted
        List<Captured> resend = capture.all().subList(0, 10);
        long storedBefore = backend.stats().stored();
        long duplicatesBefore = backend.stats().duplicates();
        try (TestPublisher publisher = TestPublisher.connect(host(), port())) {
            for (Captured c : resend) {
                publisher.publish(c.topic(), c.payload());
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(backend.stats().duplicates()).isEqualTo(duplicatesBefore + resend.size()));
        assertThat(backend.stats().stored()).isEqualTo(storedBefore);
        assertThat(vins).allSatisfy(vin -> assertThat(backend.storedMessages(vin)).isEqualTo(capture.distinct(vin)));
    }

    private static Map<String, String> summary(List<MaintenanceNeed> needs) {
        return needs.stream().collect(Collectors.toMap(n -> n.component().name(), n -> n.severity().name()));
    }
}
