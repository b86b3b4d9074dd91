package io.pcmsim.tools.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pcmsim.backend.Backend;
import io.pcmsim.backend.BackendConfig;
import io.pcmsim.backend.identity.UserAccount;
import io.pcmsim.backend.manual.ChapterUse;
import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import io.pcmsim.protocol.ServiceGroup;
import io.pcmsim.time.SimulatedClock;
import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import io.pcmsim.vehicle.fleet.Fleet;
import io.pcmsim.vehicle.fleet.FleetConfig;
import io.pcmsim.vehicle.manual.ManualLinks;
import io.pcmsim.vehicle.manual.ManualUse;
import io.pcmsim.vehicle.manual.ProfileOutcome;
import io.pcmsim.vehicle.model.Fault;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The owner's manual end to end: an emulated car whose driver opens every linked chapter and keeps it as a
 * favourite ({@code ManualUse(1, 1)}) and the backend on the embedded broker, the store H2 or PostgreSQL
 * ({@link #jdbcUrl()}). A fault lights a warning, the car shows it and receives the linked chapters; the
 * driver's profile request is matched; the privacy gate holds the manual back.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class ManualFleetContract {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();

    @TempDir
    Path dataDir;
    private Backend backend;
    private Fleet fleet;
    private EmulatedVehicle car;

    /** The store; null for the backend's H2 file. */
    abstract @Nullable String jdbcUrl();

    @BeforeEach
    void start() throws Exception {
        SimulatedClock clock = SimulatedClock.startingAt(Instant.now(), 60);
        String run = UUID.randomUUID().toString().substring(0, 8);
        BackendConfig.Builder config = BackendConfig.builder().brokerHost(BROKER.host()).brokerPort(BROKER.port())
                .clientId("manual-e2e-" + run).sharedGroup("manual-e2e-" + run).dataDir(dataDir).clock(clock);
        if (jdbcUrl() != null) {
            config.jdbcUrl(jdbcUrl());
        }
        backend = Backend.create(config.build());
        backend.start().get(60, TimeUnit.SECONDS);
        fleet = Fleet.create(FleetConfig.builder().brokerHost(BROKER.host()).brokerPort(BROKER.port())
                .vehicles(1).seed(62).manualUse(new ManualUse(1, 1)).clock(clock).wallClock(Clock.systemUTC())
                .build());
        fleet.start().get(60, TimeUnit.SECONDS);
        car = fleet.vehicles().get(0);
    }

    @AfterEach
    void stop() {
        if (fleet != null) {
            fleet.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    private Optional<ManualLinks> received(String code) {
        return car.manualLinks().stream().filter(l -> l.messageCode().equals(code)).findFirst();
    }

    @Test
    void aFaultLightsAWarning_theCarShowsIt_receivesTheChapters_andItsDriverOpensAndKeepsTheFirst() throws Exception {
        car.injectFault(Fault.WEAK_12V_BATTERY).get(10, TimeUnit.SECONDS);
        car.evaluateNow().get(10, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> received("W-12V-BATTERY").isPresent());
        assertThat(received("W-12V-BATTERY").orElseThrow().links()).extracting(ManualLinks.Link::chapterId)
                .containsExactly("battery-12v");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(backend.manual().recent(car.vin(), 10)).extracting(u -> u.chapter().chapterId())
                    .contains("battery-12v");
            assertThat(backend.manual().favourites(car.vin())).extracting(ChapterUse::chapter)
                    .extracting(c -> c.chapterId()).contains("battery-12v");
        });
        assertThat(car.manualFavourites()).contains("battery-12v");
        assertThat(backend.manual().counts().linksServed()).isPositive();

        long shown = backend.manual().counts().messagesShown();
        car.evaluateNow().get(10, TimeUnit.SECONDS);
        assertThat(backend.manual().counts().messagesShown()).as("a warning still lit is not shown again")
                .isEqualTo(shown);
    }

    @Test
    void theDriversProfile_isCreatedForARegisteredNameAndId_andTheGateHoldsTheManualBack() throws Exception {
        UserAccount user = backend.identity().register("Ida Hoffmann");
        assertThat(car.requestManualProfile("Ida Hoffmann", "not-" + user.userId()).get(WAIT.toSeconds(),
                TimeUnit.SECONDS)).hasValue(ProfileOutcome.NO_MATCH);
        assertThat(car.requestManualProfile("Ida Hoffmann", user.userId()).get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .hasValue(ProfileOutcome.CREATED);
        assertThat(backend.manual().profile(car.vin()).orElseThrow().userId()).isEqualTo(user.userId());

        car.setServiceGroup(ServiceGroup.WITHOUT_LOCATION, false).get(10, TimeUnit.SECONDS);
        long events = backend.manual().counts().events();
        assertThat(car.showManualMessage("W-OIL-LEVEL").get(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(car.requestManualProfile("Ida Hoffmann", user.userId()).get(10, TimeUnit.SECONDS)).isEmpty();
        car.setServiceGroup(ServiceGroup.WITHOUT_LOCATION, true).get(10, TimeUnit.SECONDS);
        assertThat(car.showManualMessage("I-ICE-WARNING").get(WAIT.toSeconds(), TimeUnit.SECONDS)).hasValueSatisfying(
                l -> assertThat(l.links()).extracting(ManualLinks.Link::chapterId).containsExactly("ice-warning"));
        assertThat(backend.manual().counts().messagesShown() - events)
                .as("only the message shown after the group was on again").isEqualTo(1);
    }
}
