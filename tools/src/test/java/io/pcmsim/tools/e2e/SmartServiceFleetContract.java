package io.pcmsim.tools.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pcmsim.backend.Backend;
import io.pcmsim.backend.BackendConfig;
import io.pcmsim.backend.Component;
import io.pcmsim.backend.smartservice.Appointment;
import io.pcmsim.backend.smartservice.AppointmentWish;
import io.pcmsim.backend.smartservice.CollectionSettings;
import io.pcmsim.backend.smartservice.ConfigState;
import io.pcmsim.backend.smartservice.NeedState;
import io.pcmsim.backend.smartservice.SmartService;
import io.pcmsim.backend.smartservice.TrackedNeed;
import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import io.pcmsim.time.SimulatedClock;
import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import io.pcmsim.vehicle.fleet.Fleet;
import io.pcmsim.vehicle.fleet.FleetConfig;
import io.pcmsim.vehicle.model.DrivingState;
import io.pcmsim.vehicle.model.ProfileChoice;
import io.pcmsim.vehicle.smartservice.NavigationDestination;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
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
 * Smart Service end to end: an emulated car and the backend on the embedded broker, the store H2 or PostgreSQL
 * ({@link #jdbcUrl()}). Collection configs applied and acknowledged (or refused by the car and left pending),
 * a need through its whole lifecycle to the workshop visit, the dealer as the car's navigation destination,
 * an appointment asked for in the car.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class SmartServiceFleetContract {

    private static final String DEALER = "stuttgart-zuffenhausen";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();

    @TempDir
    Path dataDir;
    private Backend backend;
    private Fleet fleet;
    SmartService smartService;
    EmulatedVehicle car;

    /** The store; null for the backend's H2 file. */
    abstract @Nullable String jdbcUrl();

    @BeforeEach
    void start() throws Exception {
        SimulatedClock clock = SimulatedClock.startingAt(Instant.now(), 600);
        String run = UUID.randomUUID().toString().substring(0, 8);
        BackendConfig.Builder config = BackendConfig.builder().brokerHost(BROKER.host()).brokerPort(BROKER.port())
                .clientId("smart-e2e-" + run).sharedGroup("smart-e2e-" + run).dataDir(dataDir).clock(clock);
        if (jdbcUrl() != null) {
            config.jdbcUrl(jdbcUrl());
        }
        backend = Backend.create(config.build());
        backend.start().get(60, TimeUnit.SECONDS);
        smartService = backend.smartService();
        fleet = Fleet.create(FleetConfig.builder().brokerHost(BROKER.host()).brokerPort(BROKER.port())
                .vehicles(1).seed(61).profiles(ProfileChoice.parse("combustion")).reportInterval(Duration.ofHours(6))
                .clock(clock).wallClock(Clock.systemUTC())
                .build());
        fleet.start().get(60, TimeUnit.SECONDS);
        car = fleet.vehicles().get(0);
        await().atMost(WAIT).until(() -> backend.vehicleStatus(car.vin()).flatMap(s -> s.smartService()).isPresent());
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

    @Test
    void aCollectionConfig_isAppliedAndAcknowledged_oneTheCarRefusesStaysPending() throws Exception {
        String applied = smartService.sendCollectionConfig(car.vin(), new CollectionSettings(OptionalInt.of(1_800),
                Map.of("engine-oil-life", 25.0))).get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> state(applied) == ConfigState.APPLIED);
        assertThat(smartService.collectionConfigs(car.vin()).appliedIntervalSeconds()).hasValue(1_800);

        long malformed = fleet.stats().malformedDownlinks();
        String refused = smartService.sendCollectionConfig(car.vin(), new CollectionSettings(OptionalInt.empty(),
                Map.of("no-such-limit", 1.0))).get(10, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> fleet.stats().malformedDownlinks() > malformed);
        assertThat(state(refused)).as("the car refused it, so it never said it applied it").isEqualTo(ConfigState.PENDING);
        assertThat(smartService.collectionConfigs(car.vin()).lastApplied()).contains(applied);
    }

    private ConfigState state(String configId) {
        return smartService.collectionConfigs(car.vin()).sent().stream().filter(c -> c.configId().equals(configId))
                .findFirst().orElseThrow().state();
    }

    @Test
    void aNeed_goesFromOpenToBooked_andIsResolvedByTheReportAfterTheWorkshopVisit() throws Exception {
        List<TrackedNeed> open = wearUntilNeeds();
        smartService.setPreferredDealer(car.vin(), DEALER);

        Appointment requested = smartService.requestAppointment(car.vin(), new AppointmentWish(Optional.empty(),
                Optional.empty(), Optional.empty(), true));
        assertThat(requested.needIds()).containsExactlyInAnyOrderElementsOf(open.stream().map(TrackedNeed::needId).toList());
        await().atMost(WAIT).until(() -> car.navigationDestination().isPresent());
        NavigationDestination destination = car.navigationDestination().orElseThrow();
        assertThat(destination.appointmentId()).isEqualTo(requested.appointmentId());
        assertThat(destination.dealerId()).isEqualTo(DEALER);
        assertThat(destination.requestId()).isEmpty();
        assertThat(smartService.dealers().byId(DEALER).orElseThrow().position().latitude())
                .isEqualTo(destination.latitude());

        smartService.book(requested.appointmentId(), Instant.now().plus(Duration.ofDays(1)));
        assertThat(smartService.needs(car.vin())).filteredOn(n -> requested.needIds().contains(n.needId()))
                .allSatisfy(n -> assertThat(n.state()).isEqualTo(NeedState.BOOKED));

        car.visitWorkshop().get(10, TimeUnit.SECONDS);
        car.sendSmartServiceReport().get(10, TimeUnit.SECONDS);

        await().atMost(WAIT).untilAsserted(() -> assertThat(smartService.needs(car.vin()))
                .filteredOn(n -> requested.needIds().contains(n.needId()))
                .filteredOn(n -> n.component() != Component.LOW_VOLTAGE_BATTERY)
                .isNotEmpty()
                .allSatisfy(n -> {
                    assertThat(n.state()).isEqualTo(NeedState.RESOLVED);
                    assertThat(n.resolvedAt()).hasValueSatisfying(at -> assertThat(at).isAfter(n.openedAt()));
                    assertThat(n.history()).extracting(e -> e.state()).containsExactly(NeedState.OPEN,
                            NeedState.APPOINTMENT_REQUESTED, NeedState.BOOKED, NeedState.RESOLVED);
                }));
    }

    @Test
    void anAppointmentAskedForInTheCar_isMadeAtThePreferredDealer_andNavigatesTheCarThere() throws Exception {
        List<TrackedNeed> open = wearUntilNeeds();
        car.requestAppointment().get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> !smartService.appointments(car.vin()).isEmpty());
        assertThat(smartService.appointments(car.vin()).get(0).state()).as("no preferred dealer yet")
                .isEqualTo(Appointment.State.REFUSED);

        smartService.setPreferredDealer(car.vin(), DEALER);
        car.requestAppointment().get(10, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> smartService.appointments(car.vin()).size() == 2);
        Appointment made = smartService.appointments(car.vin()).get(0);
        assertThat(made.origin()).isEqualTo(Appointment.Origin.CAR);
        assertThat(made.state()).isEqualTo(Appointment.State.REQUESTED);
        assertThat(made.dealerId()).contains(DEALER);
        assertThat(made.needIds()).containsExactlyInAnyOrderElementsOf(open.stream().map(TrackedNeed::needId).toList());
        await().atMost(WAIT).until(() -> car.navigationDestination().isPresent());
        assertThat(car.navigationDestination().orElseThrow().requestId()).isEqualTo(made.requestId().orElseThrow());
        assertThat(car.navigationDestination().orElseThrow().appointmentId()).isEqualTo(made.appointmentId());
    }

    /**
     * Drives the (combustion) car 60,000 km, to its trip's end, so that at least its oil and service are due, and
     * waits for the backend's needs.
     */
    private List<TrackedNeed> wearUntilNeeds() throws Exception {
        car.drive(Duration.ofMinutes(30), 60_000).get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> car.drivingState() == DrivingState.PARKED);
        await().atMost(WAIT).until(() -> car.snapshot().engineOilLifePercent().orElseThrow() < 5);
        car.sendSmartServiceReport().get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> smartService.needs(car.vin()).stream().map(TrackedNeed::component)
                .collect(java.util.stream.Collectors.toSet())
                .containsAll(Set.of(Component.ENGINE_OIL, Component.SERVICE_INTERVAL)));
        List<TrackedNeed> needs = smartService.needs(car.vin());
        assertThat(needs).allSatisfy(n -> assertThat(n.state()).isEqualTo(NeedState.OPEN));
        return needs;
    }
}
