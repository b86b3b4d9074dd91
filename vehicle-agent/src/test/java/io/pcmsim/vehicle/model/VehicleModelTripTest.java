package io.pcmsim.vehicle.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.pcmsim.protocol.VehicleSnapshot;
import io.pcmsim.vehicle.fleet.VinGenerator;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VehicleModelTripTest {

    private static final Instant START = Instant.parse("2027-01-01T08:00:00Z");
    private static final long SEED = 77;

    private final VehicleModel model = new VehicleModel(VehicleProfiles.generate(
            new VinGenerator(SEED, 0.15, ModelLine.builtWithPowertrain(Powertrain.COMBUSTION)).next(), SEED, START,
            new ProfileChoice(Powertrain.COMBUSTION, null)));
    private final VehicleModel twin = new VehicleModel(model.profile());

    private double baselineKm(Duration d) {
        return model.profile().annualMileageKm() / 365.0 * d.toNanos() / 1e9 / 86_400;
    }

    @Test
    void trip_coversItsDistanceOnTopOfTheAnnualMileage() {
        model.startTrip(START, Duration.ofHours(2), 150);
        model.advanceTo(START.plus(Duration.ofHours(3)));
        twin.advanceTo(START.plus(Duration.ofHours(3)));

        VehicleSnapshot withTrip = model.snapshot();
        VehicleSnapshot without = twin.snapshot();
        assertThat(withTrip.odometerKm() - without.odometerKm()).isCloseTo(150, within(1e-6));
        assertThat(withTrip.distanceToServiceKm()).isCloseTo(without.distanceToServiceKm() - 150, within(1e-6));
        assertThat(withTrip.engineOilLifePercent().getAsDouble()).isLessThan(without.engineOilLifePercent().getAsDouble());
        assertThat(withTrip.brakePadWearPercent().frontLeft()).isGreaterThan(without.brakePadWearPercent().frontLeft());
        assertThat(withTrip.operatingHours() - without.operatingHours()).isCloseTo(2, within(1e-6));
    }

    @Test
    void trip_halfway_hasCoveredHalfAndIsDriving() {
        model.startTrip(START, Duration.ofHours(2), 100);
        Instant halfway = START.plus(Duration.ofHours(1));
        model.advanceTo(halfway);

        assertThat(model.state(halfway)).isEqualTo(DrivingState.DRIVING);
        assertThat(model.snapshot().odometerKm() - model.profile().initialState().odometerKm())
                .isCloseTo(50 + baselineKm(Duration.ofHours(1)), within(1e-6));
        assertThat(model.state(START.plus(Duration.ofHours(2)))).isEqualTo(DrivingState.PARKED);
    }

    @Test
    void park_duringATrip_keepsWhatWasCoveredAndEndsIt() {
        model.startTrip(START, Duration.ofHours(4), 200);
        Instant parked = START.plus(Duration.ofHours(1));
        model.park(parked);
        model.advanceTo(START.plus(Duration.ofHours(10)));

        assertThat(model.state(parked.plusSeconds(1))).isEqualTo(DrivingState.PARKED);
        assertThat(model.snapshot().odometerKm() - model.profile().initialState().odometerKm())
                .isCloseTo(50 + baselineKm(Duration.ofHours(10)), within(1e-6));
    }

    @Test
    void ignition_onWhileParked_thenATripEndsParked() {
        assertThat(model.state(START)).isEqualTo(DrivingState.PARKED);
        model.switchIgnitionOn(START);
        assertThat(model.state(START)).isEqualTo(DrivingState.IGNITION_ON);

        model.startTrip(START.plusSeconds(60), Duration.ofMinutes(30), 20);
        assertThat(model.state(START.plusSeconds(120))).isEqualTo(DrivingState.DRIVING);
        assertThat(model.state(START.plus(Duration.ofHours(1)))).isEqualTo(DrivingState.PARKED);
    }

    @Test
    void trip_sampledOftenOrOnce_wearsTheSame() {
        model.startTrip(START, Duration.ofHours(5), 400);
        twin.startTrip(START, Duration.ofHours(5), 400);
        for (int minute = 1; minute <= 600; minute++) {
            model.advanceTo(START.plus(Duration.ofMinutes(minute)));
        }
        twin.advanceTo(START.plus(Duration.ofMinutes(600)));

        assertThat(model.snapshot().odometerKm()).isCloseTo(twin.snapshot().odometerKm(), within(1e-6));
        assertThat(model.snapshot().engineOilLifePercent().getAsDouble()).isCloseTo(twin.snapshot().engineOilLifePercent().getAsDouble(), within(1e-6));
    }

    @Test
    void startTrip_withNoTimeOrANegativeDistance_isRefused() {
        assertThatThrownBy(() -> model.startTrip(START, Duration.ZERO, 10)).hasMessageContaining("longer than 0");
        assertThatThrownBy(() -> model.startTrip(START, Duration.ofHours(1), -1)).hasMessageContaining("0 km or more");
        assertThatThrownBy(() -> model.startTrip(START, Duration.ofHours(1), Double.NaN)).hasMessageContaining("0 km or more");
    }

    @Test
    void serviceAt_renewsOilPadsTyresAndTheInterval() {
        model.startTrip(START, Duration.ofDays(20), 30_000);
        Instant visit = START.plus(Duration.ofDays(30));
        model.serviceAt(visit);

        VehicleSnapshot after = model.snapshot();
        assertThat(after.engineOilLifePercent().getAsDouble()).isEqualTo(100);
        assertThat(after.brakePadWearPercent().frontLeft()).isZero();
        assertThat(after.tirePressureKpa().rearRight()).isEqualTo(after.tirePressureNominalKpa());
        assertThat(after.distanceToServiceKm()).isEqualTo(model.profile().serviceIntervalKm());
        assertThat(after.dtcs()).isEmpty();
    }
}
