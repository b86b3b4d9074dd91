package io.pcmsim.vehicle.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pcmsim.proto.v1.SmartServiceReport.Trigger;
import io.pcmsim.protocol.UplinkHeader;
import io.pcmsim.time.SimulatedClock;
import io.pcmsim.vehicle.model.DrivingState;
import io.pcmsim.vehicle.testing.RecordingBroker;
import io.pcmsim.vehicle.testing.RecordingBroker.Received;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The car behaviours a scenario drives: trips, vehicle start, reports on request, outages, cars that go away. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class VehicleBehaviourIT {

    @RegisterExtension
    static final RecordingBroker BROKER = new RecordingBroker();

    private static final Instant SIM_START = Instant.parse("2027-03-01T08:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Fleet fleet;
    private SimulatedClock clock;

    private EmulatedVehicle start(int outboxCapacity) throws Exception {
        clock = SimulatedClock.startingAt(SIM_START, 3600);
        fleet = Fleet.create(FleetConfig.builder().brokerPort(BROKER.port()).vehicles(2).seed(909).clock(clock)
                .reportInterval(Duration.ofMinutes(20)).outboxCapacity(outboxCapacity).build());
        fleet.start().get(20, TimeUnit.SECONDS);
        EmulatedVehicle car = fleet.vehicles().get(0);
        await().atMost(WAIT).until(() -> !reports(car, Trigger.PERIODIC).isEmpty());
        return car;
    }

    @AfterEach
    void stopFleet() throws Exception {
        if (fleet != null) {
            fleet.stop().get(30, TimeUnit.SECONDS);
        }
    }

    private static List<Received> reports(EmulatedVehicle car, Trigger trigger) {
        return BROKER.uplinks(car.vin().value()).stream().filter(r -> r.envelope().hasSmartService()
                && r.envelope().getSmartService().getTrigger() == trigger).toList();
    }

    @Test
    void drive_fromParked_sendsAVehicleStartReportWearsAndParksAtTheEnd() throws Exception {
        EmulatedVehicle car = start(100);
        double odometer = car.snapshot().odometerKm();

        car.drive(Duration.ofHours(1), 120).get(10, TimeUnit.SECONDS);

        assertThat(car.drivingState()).isEqualTo(DrivingState.DRIVING);
        await().atMost(WAIT).until(() -> reports(car, Trigger.VEHICLE_START).size() == 1);
        await().atMost(WAIT).until(() -> car.drivingState() == DrivingState.PARKED
                && car.snapshot().odometerKm() >= odometer + 120);
        car.startVehicle().get(10, TimeUnit.SECONDS);
        assertThat(car.drivingState()).isEqualTo(DrivingState.IGNITION_ON);
        await().atMost(WAIT).until(() -> reports(car, Trigger.VEHICLE_START).size() == 2);
    }

    @Test
    void requestReport_sendsAnOnRequestReport() throws Exception {
        EmulatedVehicle car = start(100);
        car.requestReport().get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> reports(car, Trigger.ON_REQUEST).size() == 1);
    }

    @Test
    void networkOutage_keepsWhatTheCarProducesAndSendsItAfterUnderANewBoot() throws Exception {
        EmulatedVehicle car = start(100);
        long bootBefore = car.bootId();
        Instant outageStart = clock.instant();

        car.networkOutage(Duration.ofHours(3)).get(10, TimeUnit.SECONDS);

        assertThat(car.online()).isFalse();
        assertThat(car.networkAvailable()).isFalse();
        assertThat(car.settings().privacyMode()).as("an outage is not privacy mode").isFalse();
        await().atMost(WAIT).until(() -> car.online() && car.bootId() > bootBefore);
        Instant outageEnd = outageStart.plus(Duration.ofHours(3));
        await().atMost(WAIT).until(() -> reports(car, Trigger.PERIODIC).stream()
                .anyMatch(r -> r.header().vehicleTime().isAfter(outageEnd)));

        List<Received> during = reports(car, Trigger.PERIODIC).stream()
                .filter(r -> r.header().vehicleTime().isAfter(outageStart.plusSeconds(60))
                        && r.header().vehicleTime().isBefore(outageEnd.minusSeconds(60))).toList();
        assertThat(during).as("reports produced during the outage, sent after it").hasSizeGreaterThanOrEqualTo(7)
                .allSatisfy(r -> assertThat(r.header().bootId()).isEqualTo(car.bootId()));
        List<Long> newBoot = BROKER.uplinks(car.vin().value()).stream().map(Received::header)
                .filter(h -> h.bootId() == car.bootId()).map(UplinkHeader::sequence).toList();
        assertThat(newBoot).startsWith(LongStream.rangeClosed(1, 5).boxed().toArray(Long[]::new));
        assertThat(fleet.stats().droppedOutboxFull()).isZero();
    }

    @Test
    void networkOutage_longerThanTheOutboxHolds_dropsTheOldestAndCountsThem() throws Exception {
        EmulatedVehicle car = start(3);
        long bootBefore = car.bootId();

        car.networkOutage(Duration.ofHours(4)).get(10, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> car.online() && car.bootId() > bootBefore);
        assertThat(fleet.stats().droppedOutboxFull()).as("12 periodic reports, room for 3").isGreaterThanOrEqualTo(8);
    }

    @Test
    void goAway_publishesOfflineAndSendsNothing_comeBack_logsInUnderANewBoot() throws Exception {
        EmulatedVehicle car = start(100);
        long bootBefore = car.bootId();

        car.goAway().get(10, TimeUnit.SECONDS);
        Instant awayAt = clock.instant();

        assertThat(car.away()).isTrue();
        assertThat(car.online()).isFalse();
        // the offline presence is acknowledged to the car before the test's capture has it
        await().atMost(WAIT).untilAsserted(() -> assertThat(BROKER.received()).anySatisfy(r -> {
            assertThat(r.topic()).endsWith(car.vin().value() + "/status");
            assertThat(r.presence()).hasValueSatisfying(p -> assertThat(p.getOnline()).isFalse());
        }));
        long arrivalAway = BROKER.lastArrival(); // the offline presence is the car's last publish
        EmulatedVehicle other = fleet.vehicles().get(1);
        int otherReports = reports(other, Trigger.PERIODIC).size();
        await().atMost(WAIT).until(() -> reports(other, Trigger.PERIODIC).size() >= otherReports + 4);
        assertThat(BROKER.uplinks(car.vin().value())).allSatisfy(r -> assertThat(r.arrival()).isLessThanOrEqualTo(arrivalAway));

        car.comeBack().get(20, TimeUnit.SECONDS);

        assertThat(car.online()).isTrue();
        assertThat(car.bootId()).isGreaterThan(bootBefore);
        // the login is acknowledged to the car before the test's capture has it
        long boot = car.bootId();
        await().atMost(WAIT).until(() -> BROKER.uplinks(car.vin().value()).stream()
                .anyMatch(r -> r.header().bootId() == boot));
        assertThat(BROKER.uplinks(car.vin().value()).stream().filter(r -> r.header().bootId() == boot).findFirst())
                .hasValueSatisfying(first -> assertThat(first.envelope().hasLogin()).isTrue());
        assertThat(BROKER.uplinks(car.vin().value()).stream().filter(r -> r.envelope().hasSmartService()
                && r.header().bootId() == car.bootId() && r.header().vehicleTime().isBefore(awayAt)))
                .as("nothing produced while away").isEmpty();
    }
}
