package io.pcmsim.vehicle.model;

import static io.pcmsim.vehicle.model.Cars.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.pcmsim.proto.v1.VehicleState;
import io.pcmsim.protocol.MoreReadings;
import io.pcmsim.protocol.UplinkCodec;
import io.pcmsim.protocol.VehicleSnapshot;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each powertrain has the components it really has, and reports only their readings. */
class PowertrainTest {

    @Test
    void combustion_hasOilAndNoHighVoltageBattery() {
        VehicleModel car = Cars.car(Powertrain.COMBUSTION);
        car.advanceTo(START.plus(Duration.ofDays(10)));
        VehicleSnapshot s = car.snapshot();
        MoreReadings m = s.more();

        assertThat(s.engineOilLifePercent()).isPresent();
        assertThat(m.engineOilLevelPercent()).isPresent();
        assertThat(m.highVoltageBatteryChargePercent()).isEmpty();
        assertThat(m.highVoltageBatteryHealthPercent()).isEmpty();
        assertCommonReadings(m);
    }

    @Test
    void plugInHybrid_hasOilAndAHighVoltageBattery() {
        VehicleModel car = Cars.car(Powertrain.PLUG_IN_HYBRID);
        car.advanceTo(START.plus(Duration.ofDays(10)));
        VehicleSnapshot s = car.snapshot();

        assertThat(car.profile().modelLine().builtWith(Powertrain.PLUG_IN_HYBRID)).isTrue();
        assertThat(s.engineOilLifePercent()).isPresent();
        assertThat(s.more().engineOilLevelPercent()).isPresent();
        assertThat(s.more().highVoltageBatteryChargePercent()).isPresent();
        assertThat(s.more().highVoltageBatteryHealthPercent()).isPresent();
        assertCommonReadings(s.more());
    }

    @Test
    void batteryElectric_hasNoOilReadings_andNeverSendsThem() {
        VehicleModel car = Cars.car(Powertrain.BATTERY_ELECTRIC);
        car.startTrip(START, Duration.ofHours(3), 250);
        car.advanceTo(START.plus(Duration.ofDays(30)));
        car.serviceAt(START.plus(Duration.ofDays(31)));
        VehicleSnapshot s = car.snapshot();

        assertThat(car.profile().modelLine()).isEqualTo(ModelLine.TAYCAN);
        assertThat(s.engineOilLifePercent()).isEmpty();
        assertThat(s.more().engineOilLevelPercent()).isEmpty();
        assertThat(s.more().highVoltageBatteryChargePercent()).isPresent();
        assertCommonReadings(s.more());
        VehicleState wire = UplinkCodec.state(s);
        assertThat(wire.hasEngineOilLifePercent()).isFalse();
        assertThat(wire.hasEngineOilLevelPercent()).isFalse();
        assertThat(wire.hasHighVoltageBatteryStateOfHealthPercent()).isTrue();
    }

    @Test
    void batteryElectric_drivingUsesChargeAndParkingChargesItBack() {
        VehicleModel car = Cars.car(Powertrain.BATTERY_ELECTRIC);
        double before = car.snapshot().more().highVoltageBatteryChargePercent().getAsDouble();
        car.startTrip(START, Duration.ofHours(2), 150);
        car.advanceTo(START.plus(Duration.ofHours(2)));
        double after = car.snapshot().more().highVoltageBatteryChargePercent().getAsDouble();
        car.advanceTo(START.plus(Duration.ofDays(3)));
        double charged = car.snapshot().more().highVoltageBatteryChargePercent().getAsDouble();

        assertThat(after).isLessThan(before);
        assertThat(charged).isGreaterThan(after).isLessThanOrEqualTo(Math.max(80, before));
    }

    @Test
    void modelLine_fromVin_namesTheTaycan() {
        assertThat(ModelLine.fromVin(Cars.car(Powertrain.BATTERY_ELECTRIC).profile().vin())).contains(ModelLine.TAYCAN);
        assertThat(ModelLine.TAYCAN.modelCode()).isEqualTo("Y1A");
        assertThat(ModelLine.builtWithPowertrain(Powertrain.PLUG_IN_HYBRID))
                .containsExactly(ModelLine.PANAMERA, ModelLine.CAYENNE);
    }

    private static void assertCommonReadings(MoreReadings m) {
        assertThat(m.brakeFluidAgeDays()).isPresent();
        assertThat(m.lowVoltageBatteryChargePercent()).isPresent();
        assertThat(m.lowVoltageBatteryHealthPercent()).isPresent();
        assertThat(m.washerFluidPercent()).isPresent();
    }
}
