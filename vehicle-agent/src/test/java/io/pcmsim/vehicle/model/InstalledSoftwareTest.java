package io.pcmsim.vehicle.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcmsim.protocol.Vin;
import io.pcmsim.vehicle.fleet.VinGenerator;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The control units a car has installed: the common ones, plus those its powertrain brings; the same for a seed. */
class InstalledSoftwareTest {

    private static final Instant START = Instant.parse("2027-01-01T00:00:00Z");

    private static List<String> units(VehicleProfile profile) {
        return profile.software().stream().map(InstalledVersion::name).toList();
    }

    @Test
    void eachPowertrain_bringsItsUnits_andASeedGivesTheSameVersions() {
        for (Vin vin : new VinGenerator(3).generate(40)) {
            VehicleProfile car = VehicleProfiles.generate(vin, 7, START);
            List<String> units = units(car);
            assertThat(units).startsWith("PCM", "GATEWAY", "TELEMATICS");
            assertThat(units.contains("DME")).isEqualTo(car.powertrain() != Powertrain.BATTERY_ELECTRIC);
            assertThat(units.contains("BMS")).isEqualTo(car.powertrain() != Powertrain.COMBUSTION);
            assertThat(VehicleProfiles.generate(vin, 7, START).software()).isEqualTo(car.software());
        }
    }
}
