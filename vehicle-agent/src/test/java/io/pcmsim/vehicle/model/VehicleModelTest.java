package io.pcmsim.vehicle.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pcmsim.protocol.VehicleSnapshot;
import io.pcmsim.protocol.Vin;
import io.pcmsim.vehicle.fleet.VinGenerator;
import io.pcmsim.vehicle.internal.smartservice.ThresholdMonitor;
import io.pcmsim.vehicle.smartservice.Thresholds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VehicleModelTest {

    private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
    private static final long SEED = 2026;

    private static VehicleModel model(Vin vin) {
        return new VehicleModel(VehicleProfiles.generate(vin, SEED, START, new ProfileChoice(Powertrain.COMBUSTION, null)));
    }

    /** A combustion car's VIN: these tests read its oil. */
    private static Vin someVin() {
        return new VinGenerator(SEED, 0.15, ModelLine.builtWithPowertrain(Powertrain.COMBUSTION)).next();
    }

    @Test
    void advanceTo_thirtyDays_wearsAsTheProfileSays() {
        VehicleModel model = model(someVin());
        VehicleProfile p = model.profile();
        VehicleSnapshot before = model.snapshot();

        model.advanceTo(START.plus(Duration.ofDays(30)));
        VehicleSnapshot after = model.snapshot();

        double km = p.annualMileageKm() * 30 / 365;
        assertThat(after.odometerKm() - before.odometerKm()).isCloseTo(km, within(0.01));
        assertThat(after.operatingHours() - before.operatingHours()).isCloseTo(30 * p.drivingHoursPerDay(), within(0.01));
        assertThat(after.engineOilLifePercent().getAsDouble()).isLessThan(before.engineOilLifePercent().getAsDouble());
        assertThat(after.distanceToServiceKm()).isCloseTo(before.distanceToServiceKm() - km, within(0.01));
        assertThat(after.timeToService()).isEqualTo(before.timeToService().minusDays(30));
        for (int wheel = 0; wheel < 4; wheel++) {
            assertThat(after.tirePressureKpa().get(wheel)).isLessThan(before.tirePressureKpa().get(wheel));
            assertThat(after.brakePadWearPercent().get(wheel)).isGreaterThan(before.brakePadWearPercent().get(wheel));
        }
    }

    @Test
    void advanceTo_distance_wearsFrontPadsFasterThanRear() {
        VehicleModel model = model(someVin());
        VehicleSnapshot before = model.snapshot();

        model.advanceTo(START.plus(Duration.ofDays(60)));
        VehicleSnapshot after = model.snapshot();

        double front = after.brakePadWearPercent().frontLeft() - before.brakePadWearPercent().frontLeft();
        double rear = after.brakePadWearPercent().rearLeft() - before.brakePadWearPercent().rearLeft();
        assertThat(front).isGreaterThan(rear * 1.4);
    }

    @Test
    void advanceTo_years_staysWithinPhysicalBounds() {
        VehicleModel model = model(someVin());

        model.advanceTo(START.plus(Duration.ofDays(3_650)));
        VehicleSnapshot s = model.snapshot();

        assertThat(s.engineOilLifePercent().getAsDouble()).isEqualTo(0);
        assertThat(s.brakePadWearPercent().max()).isLessThanOrEqualTo(100);
        assertThat(s.lowVoltageBatteryVolts()).isGreaterThan(11.0);
        assertThat(s.distanceToServiceKm()).isNegative();
        assertThat(s.timeToService()).isNegative();
    }

    @Test
    void advanceTo_instantInThePast_changesNothing() {
        VehicleModel model = model(someVin());
        model.advanceTo(START.plus(Duration.ofDays(2)));
        VehicleSnapshot before = model.snapshot();

        model.advanceTo(START.plus(Duration.ofDays(1)));

        assertThat(model.snapshot()).isEqualTo(before);
    }

    @Test
    void advanceTo_sameSeedAndInstants_sameState() {
        Vin vin = someVin();
        VehicleModel a = model(vin);
        VehicleModel b = model(vin);

        for (int hour = 1; hour <= 48; hour++) {
            a.advanceTo(START.plus(Duration.ofHours(hour)));
            b.advanceTo(START.plus(Duration.ofHours(hour)));
        }

        assertThat(a.snapshot()).isEqualTo(b.snapshot());
    }

    @Test
    void advanceTo_coarseOrFineSampling_sameStateUpToRounding() {
        Vin vin = someVin();
        VehicleModel fine = model(vin);
        VehicleModel coarse = model(vin);
        Instant end = START.plus(Duration.ofDays(10));

        for (Instant t = START; !t.isAfter(end); t = t.plus(Duration.ofMinutes(10))) {
            fine.advanceTo(t);
        }
        coarse.advanceTo(end);

        VehicleSnapshot f = fine.snapshot();
        VehicleSnapshot c = coarse.snapshot();
        assertThat(f.odometerKm()).isCloseTo(c.odometerKm(), within(1e-6));
        assertThat(f.engineOilLifePercent().getAsDouble()).isCloseTo(c.engineOilLifePercent().getAsDouble(), within(1e-6));
        assertThat(f.lowVoltageBatteryVolts()).isCloseTo(c.lowVoltageBatteryVolts(), within(1e-6));
        assertThat(f.tirePressureKpa().min()).isCloseTo(c.tirePressureKpa().min(), within(1e-6));
    }

    @Test
    void generate_fleetOfFifty_mostFineSomeCrossWithinThirtyHours() {
        List<Vin> vins = new VinGenerator(SEED).generate(50);
        int crossing = 0;
        for (Vin vin : vins) {
            VehicleModel model = new VehicleModel(VehicleProfiles.generate(vin, SEED, START));
            ThresholdMonitor monitor = new ThresholdMonitor(Thresholds.defaults());
            boolean crossed = false;
            for (int step = 0; step <= 180; step++) {
                Instant t = START.plus(Duration.ofMinutes(10L * step));
                model.advanceTo(t);
                crossed |= monitor.evaluate(model.snapshot(), t).isPresent();
            }
            if (crossed) {
                crossing++;
            }
        }
        assertThat(crossing).as("cars with a maintenance need within 30 h").isBetween(8, 35);
    }

    @Test
    void generate_vinNamingALine_profileMatchesVin() {
        Vin vin = Vin.of("WP0ZZZ99ZKS123456");

        VehicleProfile profile = VehicleProfiles.generate(vin, SEED, START);

        assertThat(profile.modelLine()).isEqualTo(ModelLine.P911);
        assertThat(profile.modelYear()).isEqualTo(2019);
        assertThat(profile.annualMileageKm()).isBetween(profile.drivingProfile().minAnnualKm(),
                profile.drivingProfile().maxAnnualKm());
        assertThat(profile.initialState().tirePressureNominalKpa()).isEqualTo(250);
    }

    @Test
    void generate_sameSeedVinAndStart_sameProfile() {
        Vin vin = someVin();

        assertThat(VehicleProfiles.generate(vin, SEED, START)).isEqualTo(VehicleProfiles.generate(vin, SEED, START));
        assertThat(VehicleProfiles.generate(vin, SEED + 1, START)).isNotEqualTo(VehicleProfiles.generate(vin, SEED, START));
    }

    @Test
    void generate_fleetOfFifty_annualMileageAndTyresInRealisticRanges() {
        for (Vin vin : new VinGenerator(SEED).generate(50)) {
            VehicleProfile p = VehicleProfiles.generate(vin, SEED, START);
            assertThat(p.annualMileageKm()).isBetween(1_500.0, 50_000.0)
                    .isBetween(p.drivingProfile().minAnnualKm(), p.drivingProfile().maxAnnualKm());
            assertThat(p.initialState().tirePressureNominalKpa()).isBetween(230.0, 280.0);
            assertThat(p.serviceIntervalKm()).isEqualTo(30_000);
            assertThat(p.serviceInterval()).isEqualTo(Duration.ofDays(730));
            assertThat(p.rearPadLifeKm()).isGreaterThan(p.frontPadLifeKm());
        }
    }
}
