package io.pcmsim.backend.internal.smartservice;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcmsim.backend.Component;
import io.pcmsim.backend.MaintenanceNeed;
import io.pcmsim.backend.Severity;
import io.pcmsim.protocol.MoreReadings;
import io.pcmsim.protocol.ReportedState;
import io.pcmsim.protocol.VehicleSnapshot;
import io.pcmsim.protocol.Vin;
import io.pcmsim.protocol.Wheels;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The needs of the components that not every car has: oil level, brake fluid, 12 V health, HV battery, washer. */
class ComponentRulesTest {

    private static final Vin VIN = Vin.of("WP0ZZZY1ZRS123456");
    private static final Instant REPORTED = Instant.parse("2027-03-10T22:30:00Z");
    private static final LocalDate TODAY = LocalDate.of(2027, 3, 10);
    private final MaintenanceRules rules = MaintenanceRules.defaults();

    /** A healthy car whose later readings are {@code more}. */
    private static ReportedState state(MoreReadings more) {
        return ReportedState.of(new VehicleSnapshot(40_000, 800, OptionalDouble.of(80), Wheels.all(20), 12.6,
                Wheels.all(250), 250, 10_000, Duration.ofDays(200), List.of(), more));
    }

    private static MoreReadings more(double oilLevel, double fluidDays, double lvHealth, double hvHealth, double washer) {
        return new MoreReadings(OptionalDouble.of(oilLevel), OptionalDouble.of(fluidDays), OptionalDouble.of(90),
                OptionalDouble.of(lvHealth), OptionalDouble.of(70), OptionalDouble.of(hvHealth), OptionalDouble.of(washer),
                List.of());
    }

    private Optional<MaintenanceNeed> need(MoreReadings more, Component component) {
        return rules.evaluate(VIN, state(more), REPORTED).stream().filter(n -> n.component() == component).findFirst();
    }

    @Test
    void healthyComponents_noNeed() {
        assertThat(rules.evaluate(VIN, state(more(80, 300, 90, 95, 80)), REPORTED)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"26, ", "25, MEDIUM", "11, MEDIUM", "10, HIGH", "0, CRITICAL"})
    void oilLevel_severityByLevel(double level, Severity expected) {
        assertThat(need(more(level, 300, 90, 95, 80), Component.ENGINE_OIL_LEVEL).map(MaintenanceNeed::severity))
                .isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest
    @CsvSource({"730, ", "731, MEDIUM", "1095, MEDIUM", "1096, HIGH"})
    void brakeFluid_olderThanTwoYears(double days, Severity expected) {
        Optional<MaintenanceNeed> need = need(more(80, days, 90, 95, 80), Component.BRAKE_FLUID);
        assertThat(need.map(MaintenanceNeed::severity)).isEqualTo(Optional.ofNullable(expected));
        need.ifPresent(n -> assertThat(n.dueDate()).contains(TODAY));
    }

    @ParameterizedTest
    @CsvSource({"60, , ", "59, MEDIUM, 2027-04-09", "44, HIGH, 2027-03-17"})
    void lowVoltageHealth_foldedIntoTheBatteryNeed(double health, Severity expected, LocalDate due) {
        Optional<MaintenanceNeed> need = need(more(80, 300, health, 95, 80), Component.LOW_VOLTAGE_BATTERY);
        assertThat(need.map(MaintenanceNeed::severity)).isEqualTo(Optional.ofNullable(expected));
        need.ifPresent(n -> {
            assertThat(n.dueDate()).contains(due);
            assertThat(n.reason()).isEqualTo("12 V battery health " + (int) health + " %");
        });
    }

    @Test
    void lowVoltage_voltageAndHealthBothLow_theMoreUrgentWithBothInTheReason() {
        ReportedState s = ReportedState.of(new VehicleSnapshot(40_000, 800, OptionalDouble.of(80), Wheels.all(20), 12.1,
                Wheels.all(250), 250, 10_000, Duration.ofDays(200), List.of(), more(80, 300, 40, 95, 80)));

        MaintenanceNeed need = rules.evaluate(VIN, s, REPORTED).stream()
                .filter(n -> n.component() == Component.LOW_VOLTAGE_BATTERY).findFirst().orElseThrow();

        assertThat(need.severity()).isEqualTo(Severity.HIGH);
        assertThat(need.reason()).isEqualTo("12 V battery at 12.10 V, health 40 %");
    }

    @ParameterizedTest
    @CsvSource({"70, ", "69.9, MEDIUM", "59, HIGH"})
    void highVoltageBattery_healthLow(double health, Severity expected) {
        assertThat(need(more(80, 300, 90, health, 80), Component.HIGH_VOLTAGE_BATTERY).map(MaintenanceNeed::severity))
                .isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest
    @CsvSource({"16, ", "15, LOW", "0, LOW"})
    void washerFluid_lowIsALowNeed(double level, Severity expected) {
        assertThat(need(more(80, 300, 90, 95, level), Component.WASHER_FLUID).map(MaintenanceNeed::severity))
                .isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void batteryElectricState_noOilReadings_noOilNeeds() {
        MoreReadings electric = new MoreReadings(OptionalDouble.empty(), OptionalDouble.of(900), OptionalDouble.of(90),
                OptionalDouble.of(90), OptionalDouble.of(50), OptionalDouble.of(65), OptionalDouble.of(10), List.of());
        ReportedState s = ReportedState.of(new VehicleSnapshot(40_000, 800, OptionalDouble.empty(), Wheels.all(20), 12.6,
                Wheels.all(250), 250, 10_000, Duration.ofDays(200), List.of(), electric));

        assertThat(rules.evaluate(VIN, s, REPORTED)).extracting(MaintenanceNeed::component)
                .containsExactly(Component.BRAKE_FLUID, Component.HIGH_VOLTAGE_BATTERY, Component.WASHER_FLUID);
    }
}
