package io.pcmsim.tools.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pcmsim.backend.Backend;
import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import io.pcmsim.backend.testing.InboundPublish;
import io.pcmsim.protocol.Topics;
import io.pcmsim.protocol.Vin;
import io.pcmsim.time.SimulatedClock;
import io.pcmsim.tools.e2e.UplinkCapture.Captured;
import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Privacy mode switched on for some cars while the fleet runs, observed where it matters: at the
 * broker (its inbound interceptor), at a plain subscriber and in the backend's store.
 */
class PrivacyModeIT {

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();

    @TempDir
    Path dataDir;

    private RunningSystem system;

    @AfterEach
    void tearDown() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Timeout(180)
    void privacyMode_whenSwitchedOnWhileRunning_sendsNothingMeanwhileAndNothingOfThatPeriodLater() throws Exception {
        SimulatedClock clock = SimulatedClock.startingAt(Instant.parse("2027-05-01T07:00:00Z"), 3600);
        system = RunningSystem.start(BROKER.host(), BROKER.port(), dataDir, clock, fleet -> fleet
                .vehicles(10)
                .seed(77)
                .reportInterval(Duration.ofMinutes(30)));
        Backend backend = system.backend;
        UplinkCapture capture = system.capture;
        List<EmulatedVehicle> cars = system.fleet.vehicles();
        List<EmulatedVehicle> privateCars = cars.subList(0, 4);
        List<EmulatedVehicle> publicCars = cars.subList(4, cars.size());
        Set<String> privateVins = Set.copyOf(privateCars.stream().map(c -> c.vin().value()).toList());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(cars)
                .allSatisfy(c -> assertThat(backend.storedMessages(c.vin())).isGreaterThanOrEqualTo(2)));

        // on: the future completes once the gate is shut and everything sent before is acknowledged
        CompletableFuture.allOf(privateCars.stream().map(c -> c.setPrivacyMode(true))
                .toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        Instant privateFrom = clock.instant();
        int windowStart = BROKER.traffic().size();
        // what the private cars sent before is acknowledged by the broker; wait until the backend stored it
        Map<Vin, Long> sentBefore = new HashMap<>();
        for (EmulatedVehicle car : privateCars) {
            sentBefore.put(car.vin(), BROKER.trafficFrom(0).stream().limit(windowStart)
                    .filter(p -> car.vin().value().equals(p.clientId()) && Topics.parseUplink(p.topic()).isPresent())
                    .count());
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(stored(backend, privateCars)).isEqualTo(sentBefore));
        Map<Vin, Long> storedAtStart = stored(backend, privateCars);
        Map<Vin, Long> publicAtStart = stored(backend, publicCars);

        // the others go on reporting for a few simulated hours
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(publicCars).allSatisfy(c ->
                assertThat(backend.storedMessages(c.vin())).isGreaterThanOrEqualTo(publicAtStart.get(c.vin()) + 4)));
        List<InboundPublish> window = BROKER.trafficFrom(windowStart);
        Instant privateUntil = clock.instant();
        assertThat(stored(backend, privateCars)).isEqualTo(storedAtStart);

        // off: the car logs in afresh and resumes
        CompletableFuture.allOf(privateCars.stream().map(c -> c.setPrivacyMode(false))
                .toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        assertThat(window).as("uplink publishes the broker received from private cars")
                .filteredOn(p -> Topics.parseUplink(p.topic()).isPresent())
                .noneMatch(p -> privateVins.contains(p.clientId())
                        || privateVins.contains(Topics.parseUplink(p.topic()).get().vinText()));
        assertThat(window).as("the public cars kept reporting").isNotEmpty();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(privateCars).allSatisfy(c ->
                assertThat(capture.of(c.vin()).stream()
                        .filter(m -> vehicleTime(m).isAfter(privateUntil) && m.envelope().hasSmartService()))
                        .as("reports after privacy mode ended").hasSizeGreaterThanOrEqualTo(2)));
        for (EmulatedVehicle car : privateCars) {
            List<Captured> received = capture.of(car.vin());
            assertThat(received).as("nothing produced while private ever arrives")
                    .noneMatch(m -> !vehicleTime(m).isBefore(privateFrom) && vehicleTime(m).isBefore(privateUntil));
            Captured firstAfter = received.stream().filter(m -> !vehicleTime(m).isBefore(privateUntil))
                    .findFirst().orElseThrow();
            assertThat(firstAfter.envelope().hasLogin()).as("a fresh login comes first").isTrue();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(privateCars).allSatisfy(c ->
                assertThat(backend.storedMessages(c.vin())).isGreaterThan(storedAtStart.get(c.vin()))));
    }

    private static Map<Vin, Long> stored(Backend backend, List<EmulatedVehicle> cars) {
        Map<Vin, Long> result = new HashMap<>();
        cars.forEach(c -> result.put(c.vin(), backend.storedMessages(c.vin())));
        return result;
    }

    private static Instant vehicleTime(Captured m) {
        return Instant.ofEpochMilli(m.envelope().getHeader().getVehicleTimeMs());
    }
}
