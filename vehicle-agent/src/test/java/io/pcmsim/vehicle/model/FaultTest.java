package io.pcmsim.vehicle.model;

import static io.pcmsim.vehicle.model.Cars.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.pcmsim.protocol.VehicleSnapshot;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each fault stores its codes, lights its warnings, changes the physics where it should, and a workshop repairs it. */
class FaultTest {

    private static final Instant NOW = START.plus(Duration.ofHours(1));
    /** The backend's live-diagnosis knowledge base, which must explain every code a fault stores. */
    private static final Path KNOWLEDGE_BASE =
            Path.of("..", "backend-broker", "src", "main", "resources", "breakdown", "sae-j2012-generic-codes.tsv");

    /** A car that can have {@code fault}, with no fault of its own. */
    private static VehicleModel carFor(Fault fault) {
        Powertrain powertrain = fault.appliesTo(Powertrain.COMBUSTION) ? Powertrain.COMBUSTION : Powertrain.BATTERY_ELECTRIC;
        for (int i = 0; ; i++) {
            VehicleModel car = Cars.car(powertrain, DrivingProfile.COMMUTER, i);
            if (car.profile().faultOnsets().isEmpty() && car.snapshot().more().engineOilLevelPercent().orElse(100) > 30) {
                return car;
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"SLOW_TYRE_LEAK", "OIL_LEAK"}, mode = EnumSource.Mode.EXCLUDE)
    void inject_storesItsCodesAndLightsItsWarnings_aWorkshopRepairsIt(Fault fault) {
        VehicleModel car = carFor(fault);

        car.inject(fault, NOW);
        VehicleSnapshot faulty = car.snapshot();
        car.serviceAt(NOW.plus(Duration.ofHours(2)));
        VehicleSnapshot repaired = car.snapshot();

        assertThat(car.activeFaults()).isEmpty();
        assertThat(faulty.dtcs()).isNotEmpty().containsAll(fault.codes(car.profile()));
        assertThat(faulty.more().warnings()).containsAll(fault.warnings().stream().map(ClusterWarning::code).toList());
        assertThat(repaired.dtcs()).isEmpty();
        assertThat(repaired.more().warnings()).doesNotContainAnyElementsOf(
                fault.warnings().stream().map(ClusterWarning::code).toList());
    }

    @Test
    void misfire_namesOneCylinderBesidesP0300() {
        VehicleModel car = carFor(Fault.MISFIRE);
        car.inject(Fault.MISFIRE, NOW);

        assertThat(car.snapshot().dtcs()).hasSize(2).first().isEqualTo("P0300");
        assertThat(car.snapshot().dtcs().get(1)).matches("P030[1-4]");
        assertThat(car.snapshot().more().warnings()).containsExactly("W-ENGINE-CHECK");
    }

    @Test
    void slowTyreLeak_drainsATyreUntilTheMonitorWarns_aWorkshopRepairsIt() {
        VehicleModel car = carFor(Fault.SLOW_TYRE_LEAK);
        car.inject(Fault.SLOW_TYRE_LEAK, NOW);
        assertThat(car.snapshot().more().warnings()).doesNotContain("W-TYRE-PRESSURE");

        car.advanceTo(NOW.plus(Duration.ofDays(8)));
        VehicleSnapshot leaking = car.snapshot();
        car.serviceAt(NOW.plus(Duration.ofDays(8)));
        car.advanceTo(NOW.plus(Duration.ofDays(16)));

        assertThat(leaking.tirePressureKpa().min()).isLessThan(0.8 * leaking.tirePressureNominalKpa());
        assertThat(leaking.more().warnings()).contains("W-TYRE-PRESSURE");
        assertThat(car.snapshot().tirePressureKpa().min()).isGreaterThan(0.95 * leaking.tirePressureNominalKpa());
        assertThat(car.snapshot().more().warnings()).doesNotContain("W-TYRE-PRESSURE");
    }

    @Test
    void weak12VBattery_dropsHealthAndVoltage_aWorkshopReplacesIt() {
        VehicleModel car = carFor(Fault.WEAK_12V_BATTERY);
        double volts = car.snapshot().lowVoltageBatteryVolts();
        car.inject(Fault.WEAK_12V_BATTERY, NOW);
        car.advanceTo(NOW.plus(Duration.ofDays(5)));
        VehicleSnapshot weak = car.snapshot();
        car.serviceAt(NOW.plus(Duration.ofDays(5)));

        assertThat(weak.more().lowVoltageBatteryHealthPercent().getAsDouble())
                .isCloseTo(LowVoltageBattery.WEAK_HEALTH, within(0.1));
        assertThat(weak.lowVoltageBatteryVolts()).isLessThan(volts - 0.05);
        assertThat(weak.dtcs()).containsExactly("P0562");
        assertThat(car.snapshot().more().lowVoltageBatteryHealthPercent()).hasValue(100);
        assertThat(car.snapshot().more().warnings()).doesNotContain("W-12V-BATTERY");
    }

    @Test
    void oilLeak_lowersTheLevel_andOnlyALowLevelStoresP0524() {
        VehicleModel car = carFor(Fault.OIL_LEAK);
        car.inject(Fault.OIL_LEAK, NOW);
        assertThat(car.snapshot().dtcs()).isEmpty();

        car.startTrip(NOW, Duration.ofDays(2), 3_000);
        car.advanceTo(NOW.plus(Duration.ofDays(2)));
        VehicleSnapshot dry = car.snapshot();

        assertThat(dry.more().engineOilLevelPercent().getAsDouble()).isLessThan(10);
        assertThat(dry.dtcs()).containsExactly("P0524");
        assertThat(dry.more().warnings()).contains("W-OIL-LEVEL", "W-OIL-PRESSURE");
    }

    @Test
    void hvBatteryDegraded_lowersHealth() {
        VehicleModel car = carFor(Fault.HV_BATTERY_DEGRADED);
        car.inject(Fault.HV_BATTERY_DEGRADED, NOW);

        assertThat(car.snapshot().more().highVoltageBatteryHealthPercent().getAsDouble())
                .isLessThanOrEqualTo(HighVoltageBattery.DEGRADED_HEALTH);
        car.serviceAt(NOW.plus(Duration.ofHours(1)));
        assertThat(car.snapshot().more().highVoltageBatteryHealthPercent().getAsDouble()).isGreaterThanOrEqualTo(95);
    }

    @Test
    void inject_aFaultTheCarCannotHave_isRefusedNamingWhatItLacks() {
        VehicleModel electric = Cars.car(Powertrain.BATTERY_ELECTRIC);
        VehicleModel combustion = Cars.car(Powertrain.COMBUSTION);

        assertThatThrownBy(() -> electric.inject(Fault.MISFIRE, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fault misfire needs a combustion engine")
                .hasMessageContaining("battery-electric");
        assertThatThrownBy(() -> combustion.inject(Fault.HV_ISOLATION, NOW))
                .hasMessageContaining("needs a high-voltage battery");
    }

    @Test
    void faults_atLeastSixWithTroubleCodes_everyCodeIsInTheKnowledgeBase() throws IOException {
        Set<String> known = Files.readAllLines(KNOWLEDGE_BASE, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t")[0]).collect(Collectors.toSet());
        VehicleProfile profile = Cars.car(Powertrain.COMBUSTION).profile();

        assertThat(Arrays.stream(Fault.values()).filter(f -> !f.codes(profile).isEmpty())).hasSizeGreaterThanOrEqualTo(6);
        for (Fault fault : Fault.values()) {
            assertThat(known).as(fault.label()).containsAll(fault.codes(profile));
        }
    }

    @Test
    void parse_aNameOrAWrongOne() {
        assertThat(Fault.parse(" Slow-Tyre-Leak ")).isEqualTo(Fault.SLOW_TYRE_LEAK);
        assertThat(Fault.names()).contains("weak-12v-battery", "misfire", "hv-battery-degraded").hasSize(Fault.values().length);
        assertThatThrownBy(() -> Fault.parse("flat")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("fault [flat] is unknown; known: slow-tyre-leak, weak-12v-battery, misfire");
    }

    @Test
    void faultOnsets_fromTheSeed_appearAtTheirInstants() {
        for (int i = 0; i < 400; i++) {
            VehicleProfile p = Cars.car(Powertrain.COMBUSTION, DrivingProfile.COMMUTER, i).profile();
            List<FaultOnset> later = p.faultOnsets().stream().filter(o -> o.at().isAfter(START)).toList();
            if (!later.isEmpty()) {
                VehicleModel car = new VehicleModel(p);
                FaultOnset onset = later.get(0);
                car.advanceTo(onset.at().minusSeconds(1));
                assertThat(car.activeFaults()).doesNotContain(onset.fault());
                car.advanceTo(onset.at());
                assertThat(car.activeFaults()).contains(onset.fault());
                return;
            }
        }
        throw new AssertionError("no car of 400 develops a fault later");
    }
}
