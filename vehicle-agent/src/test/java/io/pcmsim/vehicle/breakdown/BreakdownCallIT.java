package io.pcmsim.vehicle.breakdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pcmsim.backend.Backend;
import io.pcmsim.backend.BackendConfig;
import io.pcmsim.backend.breakdown.BreakdownCase;
import io.pcmsim.backend.breakdown.BreakdownData;
import io.pcmsim.backend.breakdown.CaseState;
import io.pcmsim.backend.breakdown.Consents;
import io.pcmsim.backend.breakdown.Forwarding;
import io.pcmsim.proto.v1.BreakdownReport;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.ServiceGroup;
import io.pcmsim.time.SimulatedClock;
import io.pcmsim.vehicle.fleet.BreakdownCallResult;
import io.pcmsim.vehicle.fleet.BreakdownCallResult.Outcome;
import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import io.pcmsim.vehicle.fleet.Fleet;
import io.pcmsim.vehicle.fleet.FleetConfig;
import io.pcmsim.vehicle.testing.RecordingBroker;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The breakdown call end to end: emulated cars, the embedded broker (a recording subscriber sees every
 * message on the wire) and a backend. Consents decide what reaches whom; settings that forbid the service
 * leave nothing on the wire; app calls are answered, or time out on the backend's clock.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BreakdownCallIT {

    @RegisterExtension
    static final RecordingBroker BROKER = new RecordingBroker();

    private static final Instant SIM_START = Instant.parse("2027-05-03T07:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static Fleet fleet;
    private static Backend backend;
    private static AheadClock backendClock;
    @TempDir
    static Path dataDir;

    /** The fleet's clock, plus what the test moved it ahead. */
    static final class AheadClock extends Clock {
        private final Clock base;
        private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

        AheadClock(Clock base) {
            this.base = base;
        }

        void advance(Duration by) {
            ahead.updateAndGet(d -> d.plus(by));
        }

        @Override
        public Instant instant() {
            return base.instant().plus(ahead.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        SimulatedClock clock = SimulatedClock.startingAt(SIM_START, 60);
        backendClock = new AheadClock(clock);
        String run = UUID.randomUUID().toString().substring(0, 8);
        backend = Backend.create(BackendConfig.builder().brokerHost("127.0.0.1").brokerPort(BROKER.port())
                .clientId("breakdown-it-" + run).sharedGroup("breakdown-it-" + run).dataDir(dataDir)
                .clock(backendClock).build());
        backend.start().get(60, TimeUnit.SECONDS);
        fleet = Fleet.create(FleetConfig.builder().brokerPort(BROKER.port()).vehicles(10).seed(4242).clock(clock)
                .build());
        fleet.start().get(60, TimeUnit.SECONDS);
        for (EmulatedVehicle car : fleet.vehicles()) {
            await().atMost(WAIT).until(() -> backend.storedMessages(car.vin()) >= 1);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (fleet != null) {
            fleet.stop().get(30, TimeUnit.SECONDS);
        }
        if (backend != null) {
            backend.close();
        }
    }

    private static EmulatedVehicle car(int index) {
        return fleet.vehicles().get(index);
    }

    private static List<BreakdownReport> onTheWire(EmulatedVehicle car) {
        return BROKER.uplinks(car.vin().value()).stream().filter(r -> r.topic().endsWith("/up/breakdown"))
                .map(r -> r.envelope().getBreakdown()).toList();
    }

    private static BreakdownCase reported(EmulatedVehicle car, String callId) {
        Function<String, java.util.Optional<BreakdownCase>> find = id -> backend.breakdown().ofVehicle(car.vin())
                .stream().filter(c -> c.callId().equals(id)).findFirst();
        await().atMost(WAIT).until(() -> find.apply(callId).map(c -> c.state() == CaseState.REPORTED).orElse(false));
        return find.apply(callId).orElseThrow();
    }

    @Test
    void inCarCall_eachConsentCombination_reachesOnlyItsRecipient() throws Exception {
        EmulatedVehicle car = car(0);
        car.drive(Duration.ofHours(1), 80).get(10, TimeUnit.SECONDS);
        Instant driving = backendClock.instant();
        await().atMost(WAIT).until(() -> backendClock.instant().isAfter(driving.plus(Duration.ofMinutes(6))));
        boolean[][] combinations = {{false, false}, {true, false}, {false, true}, {true, true}};
        for (boolean[] consents : combinations) {
            BreakdownCallResult result = car.callBreakdown(consents[0], consents[1]).get(10, TimeUnit.SECONDS);
            assertThat(result.outcome()).isEqualTo(Outcome.SENT);

            BreakdownCase c = reported(car, result.callId().orElseThrow());
            assertThat(c.consents()).isEqualTo(new Consents(consents[0], consents[1]));
            assertThat(c.forAssistance().isPresent()).isEqualTo(consents[0]);
            assertThat(c.forDealer().isPresent()).isEqualTo(consents[1]);
            assertThat(c.dealerId().isPresent()).isEqualTo(consents[1]);
        }
        assertThat(onTheWire(car)).hasSize(4).allSatisfy(r -> assertThat(r.getTrigger())
                .isEqualTo(BreakdownReport.Trigger.IN_CAR));
        BreakdownData data = backend.breakdown().ofVehicle(car.vin()).stream()
                .filter(c -> c.consents().assistance()).findFirst().orElseThrow().forAssistance().orElseThrow();
        assertThat(data.modelCode()).isEqualTo(car.profile().modelLine().modelCode());
        assertThat(data.location().orElseThrow().position()).isPresent();
        assertThat(data.location().orElseThrow().latitude()).isBetween(36.0, 70.0);
        assertThat(data.location().orElseThrow().speedKmh()).isEqualTo(80.0, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(data.recentTrack()).isNotEmpty();
        assertThat(data.state().odometerKm()).isPresent();
        assertThat(backend.breakdown().counts().calls()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void settingsForbidTheService_nothingOnTheWire_andALaterAllowedCallArrives() throws Exception {
        EmulatedVehicle car = car(1);
        long suppressedBefore = fleet.stats().suppressed(Service.BREAKDOWN);
        List<Function<Boolean, java.util.concurrent.CompletableFuture<Void>>> switches = List.of(
                on -> car.setPrivacyMode(!on),
                on -> car.setServiceGroup(ServiceGroup.WITH_LOCATION, on),
                on -> car.setServiceEnabled(Service.BREAKDOWN, on));
        for (Function<Boolean, java.util.concurrent.CompletableFuture<Void>> allow : switches) {
            allow.apply(false).get(30, TimeUnit.SECONDS);
            BreakdownCallResult refused = car.callBreakdown(true, true).get(10, TimeUnit.SECONDS);
            assertThat(refused.outcome()).isEqualTo(Outcome.REFUSED_BY_SETTINGS);
            assertThat(refused.callId()).isEmpty();
            allow.apply(true).get(30, TimeUnit.SECONDS);
            await().atMost(WAIT).until(car::online);
            BreakdownCallResult allowed = car.callBreakdown(true, false).get(10, TimeUnit.SECONDS);
            assertThat(allowed.outcome()).isEqualTo(Outcome.SENT);
            await().atMost(WAIT).until(() -> onTheWire(car).stream()
                    .anyMatch(r -> r.getCallId().equals(allowed.callId().orElseThrow())));
        }
        // the broker saw exactly the three allowed calls, no refused one before or after them
        assertThat(onTheWire(car)).hasSize(3).allSatisfy(r -> assertThat(r.getConsentDealer()).isFalse());
        assertThat(fleet.stats().suppressed(Service.BREAKDOWN)).isEqualTo(suppressedBefore + 3);
        assertThat(backend.breakdown().ofVehicle(car.vin())).hasSize(3);
    }

    @Test
    void appCall_isAnsweredWithTheSameReport() throws Exception {
        EmulatedVehicle car = car(2);

        BreakdownCase placed = backend.breakdown().placeAppCall(car.vin(), new Consents(false, true))
                .get(10, TimeUnit.SECONDS);

        BreakdownCase answered = reported(car, placed.callId());
        assertThat(answered.caseId()).isEqualTo(placed.caseId());
        assertThat(answered.assistance()).isEqualTo(Forwarding.WITHHELD_NO_CONSENT);
        assertThat(answered.forDealer().orElseThrow().location()).isPresent();
        BreakdownReport report = onTheWire(car).get(0);
        assertThat(report.getTrigger()).isEqualTo(BreakdownReport.Trigger.APP_PULL);
        assertThat(report.getCallId()).isEqualTo(placed.callId());
        assertThat(report.getPullRequestId()).isNotBlank();
    }

    @Test
    void appCall_toACarWhoseSettingsForbidTheService_timesOutWithNothingOnTheWire() throws Exception {
        EmulatedVehicle car = car(3);
        car.setServiceGroup(ServiceGroup.WITH_LOCATION, false).get(30, TimeUnit.SECONDS);
        assertThat(car.online()).isTrue();
        long downlinks = fleet.stats().downlinks();

        BreakdownCase placed = backend.breakdown().placeAppCall(car.vin(), new Consents(true, true))
                .get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> fleet.stats().downlinks() > downlinks);
        backendClock.advance(BackendConfig.DEFAULT_BREAKDOWN_PULL_TIMEOUT);

        await().atMost(WAIT).until(() -> backend.breakdown().find(placed.caseId()).orElseThrow().state()
                == CaseState.TIMED_OUT);
        assertThat(backend.breakdown().find(placed.caseId()).orElseThrow().stateReason().orElseThrow())
                .contains("no answer from the car");
        assertThat(onTheWire(car)).isEmpty();
        car.setServiceGroup(ServiceGroup.WITH_LOCATION, true).get(30, TimeUnit.SECONDS);
    }

    @Test
    void liveDiagnosis_onlyForCarsThatDeclareIt() throws Exception {
        EmulatedVehicle capable = fleet.vehicles().stream().skip(4).filter(c -> c.profile().liveDiagnosis())
                .findFirst().orElseThrow();
        EmulatedVehicle plain = fleet.vehicles().stream().skip(4).filter(c -> !c.profile().liveDiagnosis())
                .findFirst().orElseThrow();

        String withCapability = capable.callBreakdown(true, false).get(10, TimeUnit.SECONDS).callId().orElseThrow();
        String without = plain.callBreakdown(true, false).get(10, TimeUnit.SECONDS).callId().orElseThrow();

        assertThat(reported(capable, withCapability).forAssistance().orElseThrow().liveDiagnosis()).isPresent();
        assertThat(reported(plain, without).forAssistance().orElseThrow().liveDiagnosis()).isEmpty();
    }
}
