package io.pcmsim.vehicle.model;

import static io.pcmsim.vehicle.model.Cars.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.pcmsim.protocol.VehicleSnapshot;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each driving profile changes mileage, trips and wear as it says. */
class DrivingProfileTest {

    private static final Duration QUARTER = Duration.ofDays(90);

    @ParameterizedTest
    @EnumSource(DrivingProfile.class)
    void profile_annualMileage_inItsRange(DrivingProfile driving) {
        for (int i = 0; i < 20; i++) {
            VehicleProfile p = Cars.car(Powertrain.COMBUSTION, driving, i).profile();
            assertThat(p.drivingProfile()).isEqualTo(driving);
            assertThat(p.annualMileageKm()).isBetween(driving.minAnnualKm(), driving.maxAnnualKm());
        }
    }

    @Test
    void longDistance_drivesFurtherThanACommuter_andRarelyDrivenLeast() {
        assertThat(DrivingProfile.LONG_DISTANCE.minAnnualKm()).isGreaterThan(DrivingProfile.COMMUTER.maxAnnualKm());
        assertThat(DrivingProfile.RARELY_DRIVEN.maxAnnualKm()).isLessThan(DrivingProfile.COMMUTER.minAnnualKm());
        assertThat(DrivingProfile.RARELY_DRIVEN.tripsPerWeek()).isLessThan(DrivingProfile.COMMUTER.tripsPerWeek());
    }

    @Test
    void sporty_wearsPadsAndOilFasterPerKmThanACommuter() {
        VehicleModel sporty = Cars.car(Powertrain.COMBUSTION, DrivingProfile.SPORTY, 0);
        VehicleModel commuter = Cars.car(Powertrain.COMBUSTION, DrivingProfile.COMMUTER, 0);

        assertThat(padWearPerKm(sporty)).isGreaterThan(padWearPerKm(commuter) * 1.5);
        assertThat(sporty.profile().oilLifeKm()).isLessThan(commuter.profile().oilLifeKm());
    }

    @Test
    void longDistance_wearsPadsSlowerPerKmThanACommuter() {
        assertThat(padWearPerKm(Cars.car(Powertrain.COMBUSTION, DrivingProfile.LONG_DISTANCE, 0)))
                .isLessThan(padWearPerKm(Cars.car(Powertrain.COMBUSTION, DrivingProfile.COMMUTER, 0)));
    }

    @Test
    void rarelyDriven_longParkingDrainsThe12VBattery_aCommutersStaysCharged() {
        VehicleModel rare = Cars.car(Powertrain.COMBUSTION, DrivingProfile.RARELY_DRIVEN, 1);
        VehicleModel commuter = Cars.car(Powertrain.COMBUSTION, DrivingProfile.COMMUTER, 1);
        double rareBefore = charge(rare.snapshot());
        double commuterBefore = charge(commuter.snapshot());

        rare.advanceTo(START.plus(QUARTER));
        commuter.advanceTo(START.plus(QUARTER));

        assertThat(charge(rare.snapshot())).isLessThan(rareBefore - 5);
        assertThat(rare.snapshot().lowVoltageBatteryVolts()).isLessThan(rare.profile().initialState().lowVoltageBatteryVolts());
        assertThat(charge(commuter.snapshot())).isGreaterThanOrEqualTo(Math.min(commuterBefore, 99));
    }

    @Test
    void aTrip_chargesThe12VBattery() {
        VehicleModel rare = Cars.car(Powertrain.COMBUSTION, DrivingProfile.RARELY_DRIVEN, 1);
        VehicleModel twin = new VehicleModel(rare.profile());
        rare.startTrip(START, Duration.ofHours(3), 200);
        rare.advanceTo(START.plus(Duration.ofHours(4)));
        twin.advanceTo(START.plus(Duration.ofHours(4)));

        assertThat(charge(rare.snapshot())).isGreaterThan(charge(twin.snapshot()));
    }

    private static double padWearPerKm(VehicleModel car) {
        VehicleSnapshot before = car.snapshot();
        car.advanceTo(START.plus(QUARTER));
        VehicleSnapshot after = car.snapshot();
        double km = after.odometerKm() - before.odometerKm();
        return (after.brakePadWearPercent().frontLeft() - before.brakePadWearPercent().frontLeft()) / km;
    }

    private static double charge(VehicleSnapshot s) {
        return s.more().lowVoltageBatteryChargePercent().getAsDouble();
    }
}
