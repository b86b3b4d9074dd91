package io.pcmsim.backend.internal.smartservice;

import io.pcmsim.backend.Component;
import io.pcmsim.backend.MaintenanceNeed;
import io.pcmsim.backend.Severity;
import static org.assertj.core.api.Assertions.assertThat;

import io.pcmsim.protocol.ReportedState;
import io.pcmsim.protocol.VehicleSnapshot;
import io.pcmsim.protocol.WheelReadings;
import io.pcmsim.protocol.Vin;
import io.pcmsim.protocol.Wheels;
import java.time.Duration;
import java.util.Locale;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaintenanceRulesTest {

    private static final Vin VIN = Vin.of("WP0ZZZ99ZTS392124");
    private static final Instant REPORTED = Instant.parse("2026-03-10T22:30:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private final MaintenanceRules rules = MaintenanceRules.defaults();

    /** Nothing due: every value comfortably inside its limits. */
    private static State healthy() {
        return new State();
    }

    /** Mutable builder of snapshots for readable tests. */
    private static final class State {
        double odometer = 40_000;
        double oil = 80;
        Wheels pads = Wheels.all(20);
        double volts = 12.6;
        Wheels tyres = Wheels.all(250);
        double nominal = 250;
        double serviceKm = 10_000;
        Duration serviceTime = Duration.ofDays(200);
        List<String> dtcs = List.of();

        ReportedState snapshot() {
            return ReportedState.of(
                    new VehicleSnapshot(odometer, 800, oil, pads, volts, tyres, nominal, serviceKm, serviceTime, dtcs));
        }
    }

    private Optional<MaintenanceNeed> need(State s, Component component) {
        return rules.evaluate(VIN, s.snapshot(), REPORTED).stream().filter(n -> n.component() == component).findFirst();
    }

    private Optional<Severity> severity(State s, Component component) {
        return need(s, component).map(MaintenanceNeed::severity);
    }

    @Test
    void evaluate_whenEverythingWithinLimits_returnsNoNeeds() {
        assertThat(rules.evaluate(VIN, healthy().snapshot(), REPORTED)).isEmpty();
    }

    @ParameterizedTest(name = "oil life {0} % -> {1}")
    @CsvSource({"15.01, NONE", "15, MEDIUM", "5.01, MEDIUM", "5, HIGH", "0.01, HIGH", "0, CRITICAL", "-3, CRITICAL"})
    void oil_atBoundaries_hasExpectedSeverity(double life, String expected) {
        State s = healthy();
        s.oil = life;

        assertThat(severity(s, Component.ENGINE_OIL).map(Enum::name).orElse("NONE")).isEqualTo(expected);
    }

    @Test
    void oil_whenTwelvePercentLeft_isDueAfterTwelvePercentOfTheInterval() {
        State s = healthy();
        s.oil = 12;

        MaintenanceNeed n = need(s, Component.ENGINE_OIL).orElseThrow();

        assertThat(n.dueKm().getAsDouble()).isEqualTo(40_000 + 0.12 * 15_000, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(n.dueDate()).isEmpty();
        assertThat(n.reason()).isEqualTo("engine oil life 12 % left");
    }

    @Test
    void oil_whenOverdue_isDueAtCurrentOdometer() {
        State s = healthy();
        s.oil = -5;

        assertThat(need(s, Component.ENGINE_OIL).orElseThrow().dueKm().getAsDouble()).isEqualTo(40_000);
    }

    @ParameterizedTest(name = "worst pad {0} % -> {1}")
    @CsvSource({"79.99, NONE", "80, MEDIUM", "89.99, MEDIUM", "90, HIGH", "96.99, HIGH", "97, CRITICAL", "100, CRITICAL"})
    void pads_atBoundaries_haveExpectedSeverity(double wear, String expected) {
        State s = healthy();
        s.pads = new Wheels(10, 10, wear, 10);

        assertThat(severity(s, Component.BRAKE_PADS).map(Enum::name).orElse("NONE")).isEqualTo(expected);
    }

    @Test
    void pads_whenFrontLeftIsWorst_namesItAndComputesDueKmFromRemainingPad() {
        State s = healthy();
        s.pads = new Wheels(91, 85, 40, 40);

        MaintenanceNeed n = need(s, Component.BRAKE_PADS).orElseThrow();

        assertThat(n.reason()).isEqualTo("front-left pad 91 % worn");
        assertThat(n.severity()).isEqualTo(Severity.HIGH);
        assertThat(n.dueKm().getAsDouble()).isEqualTo(40_000 + 9 * 400, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void pads_whenRearRightIsWorst_namesRearRight() {
        State s = healthy();
        s.pads = new Wheels(50, 50, 50, 82);

        assertThat(need(s, Component.BRAKE_PADS).orElseThrow().reason()).isEqualTo("rear-right pad 82 % worn");
    }

    @ParameterizedTest(name = "{0} V -> {1}, due in {2} days")
    @CsvSource({"12.2, NONE, -1", "12.19, MEDIUM, 30", "11.9, MEDIUM, 30", "11.89, HIGH, 7", "11.6, HIGH, 7",
            "11.59, CRITICAL, 0", "10.5, CRITICAL, 0"})
    void battery_atBoundaries_hasExpectedSeverityAndDueDate(double volts, String expected, int days) {
        State s = healthy();
        s.volts = volts;

        Optional<MaintenanceNeed> n = need(s, Component.LOW_VOLTAGE_BATTERY);

        assertThat(n.map(x -> x.severity().name()).orElse("NONE")).isEqualTo(expected);
        n.ifPresent(x -> {
            assertThat(x.dueDate()).contains(TODAY.plusDays(days));
            assertThat(x.dueKm()).isEmpty();
        });
    }

    @Test
    void battery_whenNotReported_isIgnored() {
        State s = healthy();
        s.volts = 0;

        assertThat(need(s, Component.LOW_VOLTAGE_BATTERY)).isEmpty();
    }

    @ParameterizedTest(name = "worst tyre {0} kPa of 250 -> {1}")
    @CsvSource({"226, NONE", "225, MEDIUM", "200.01, MEDIUM", "200, HIGH", "175.01, HIGH", "175, CRITICAL", "0, CRITICAL"})
    void tyres_atBoundaries_haveExpectedSeverity(double kpa, String expected) {
        State s = healthy();
        s.tyres = new Wheels(250, kpa, 250, 250);

        assertThat(severity(s, Component.TIRE_PRESSURE).map(Enum::name).orElse("NONE")).isEqualTo(expected);
    }

    @Test
    void tyres_whenTenPercentBelowAnOddPlacard_stillCountsAsTenPercent() {
        State s = healthy();
        s.nominal = 230;
        s.tyres = new Wheels(230, 230, 207, 230);

        MaintenanceNeed n = need(s, Component.TIRE_PRESSURE).orElseThrow();

        assertThat(n.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(n.reason()).isEqualTo("rear-left tyre at 207 kPa, 10 % below 230 kPa");
        assertThat(n.dueDate()).contains(TODAY);
        assertThat(n.dueKm().getAsDouble()).isEqualTo(40_000);
    }

    @Test
    void tyres_whenNoPlacardPressure_areIgnored() {
        State s = healthy();
        s.nominal = 0;
        s.tyres = Wheels.all(0);

        assertThat(need(s, Component.TIRE_PRESSURE)).isEmpty();
    }

    @ParameterizedTest(name = "{0} km, {1} days -> {2}")
    @CsvSource({"1500.01, 31, NONE", "1500, 31, MEDIUM", "5000, 30, MEDIUM", "0, 100, MEDIUM", "-1, 100, HIGH",
            "5000, -1, HIGH"})
    void service_atBoundaries_hasExpectedSeverity(double km, long days, String expected) {
        State s = healthy();
        s.serviceKm = km;
        s.serviceTime = Duration.ofDays(days);

        assertThat(severity(s, Component.SERVICE_INTERVAL).map(Enum::name).orElse("NONE")).isEqualTo(expected);
    }

    @Test
    void service_whenDueSoon_hasDueKmAndDueDate() {
        State s = healthy();
        s.serviceKm = 1_200;
        s.serviceTime = Duration.ofDays(20);

        MaintenanceNeed n = need(s, Component.SERVICE_INTERVAL).orElseThrow();

        assertThat(n.dueKm().getAsDouble()).isEqualTo(41_200);
        assertThat(n.dueDate()).contains(TODAY.plusDays(20));
        assertThat(n.reason()).isEqualTo("service due in 1200 km or 20 days");
    }

    @Test
    void service_whenOverdueByDistanceAndTime_saysBoth() {
        State s = healthy();
        s.serviceKm = -300;
        s.serviceTime = Duration.ofDays(-3);

        MaintenanceNeed n = need(s, Component.SERVICE_INTERVAL).orElseThrow();

        assertThat(n.reason()).isEqualTo("service overdue by 300 km and 3 days");
        assertThat(n.dueDate()).contains(TODAY.minusDays(3));
    }

    @Test
    void dtcs_whenStored_areListedAsMediumNeed() {
        State s = healthy();
        s.dtcs = List.of("P0301", "U0100");

        MaintenanceNeed n = need(s, Component.DIAGNOSTIC_TROUBLE_CODES).orElseThrow();

        assertThat(n.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(n.reason()).isEqualTo("stored trouble codes P0301, U0100");
    }

    @Test
    void evaluate_whenSeveralComponentsDue_returnsOneNeedEachInComponentOrder() {
        State s = healthy();
        s.oil = 3;
        s.pads = Wheels.all(98);
        s.volts = 11.0;
        s.tyres = Wheels.all(150);
        s.serviceKm = -1;

        List<MaintenanceNeed> needs = rules.evaluate(VIN, s.snapshot(), REPORTED);

        assertThat(needs).extracting(MaintenanceNeed::component).containsExactly(Component.ENGINE_OIL,
                Component.BRAKE_PADS, Component.LOW_VOLTAGE_BATTERY, Component.TIRE_PRESSURE, Component.SERVICE_INTERVAL);
        assertThat(needs).allSatisfy(n -> assertThat(n.vin()).isEqualTo(VIN));
    }

    private static final ReportedState NOTHING = new ReportedState(OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalDouble.empty(), WheelReadings.NONE, OptionalDouble.empty(), WheelReadings.NONE,
            OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(), List.of());

    @Test
    void evaluate_whenNoReadingReported_returnsNoNeeds() {
        assertThat(rules.evaluate(VIN, NOTHING, REPORTED)).isEmpty();
    }

    @Test
    void evaluate_whenOilLifeUnset_yieldsNoOilNeed() {
        ReportedState s = healthy().snapshot();
        ReportedState noOil = new ReportedState(s.odometerKm(), s.operatingHours(), OptionalDouble.empty(),
                s.brakePadWearPercent(), s.lowVoltageBatteryVolts(), s.tirePressureKpa(), s.tirePressureNominalKpa(),
                s.distanceToServiceKm(), s.timeToService(), s.dtcs());

        assertThat(rules.evaluate(VIN, noOil, REPORTED)).isEmpty();
    }

    @Test
    void evaluate_whenTyrePressuresUnsetButPlacardSet_yieldsNoTyreNeed() {
        ReportedState s = healthy().snapshot();
        ReportedState noTyres = new ReportedState(s.odometerKm(), s.operatingHours(), s.engineOilLifePercent(),
                s.brakePadWearPercent(), s.lowVoltageBatteryVolts(), WheelReadings.NONE, s.tirePressureNominalKpa(),
                s.distanceToServiceKm(), s.timeToService(), s.dtcs());

        assertThat(rules.evaluate(VIN, noTyres, REPORTED)).isEmpty();
    }

    @Test
    void evaluate_whenOneTyreReportedLow_namesThatWheel() {
        ReportedState s = healthy().snapshot();
        WheelReadings oneLow = new WheelReadings(OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.of(190), OptionalDouble.empty());
        ReportedState partial = new ReportedState(s.odometerKm(), s.operatingHours(), s.engineOilLifePercent(),
                s.brakePadWearPercent(), s.lowVoltageBatteryVolts(), oneLow, s.tirePressureNominalKpa(),
                s.distanceToServiceKm(), s.timeToService(), s.dtcs());

        assertThat(rules.evaluate(VIN, partial, REPORTED)).singleElement().satisfies(n -> {
            assertThat(n.component()).isEqualTo(Component.TIRE_PRESSURE);
            assertThat(n.severity()).isEqualTo(Severity.HIGH);
            assertThat(n.reason()).startsWith("rear-left tyre");
        });
    }

    @Test
    void evaluate_whenDistanceToServiceUnsetAndTimeFarOff_yieldsNoServiceDue() {
        ReportedState s = healthy().snapshot();
        ReportedState noDistance = new ReportedState(s.odometerKm(), s.operatingHours(), s.engineOilLifePercent(),
                s.brakePadWearPercent(), s.lowVoltageBatteryVolts(), s.tirePressureKpa(), s.tirePressureNominalKpa(),
                OptionalDouble.empty(), s.timeToService(), s.dtcs());

        assertThat(rules.evaluate(VIN, noDistance, REPORTED)).isEmpty();
    }

    @Test
    void evaluate_whenOnlyTimeToServiceReportedAndSoon_dueByDateWithoutDistance() {
        ReportedState s = healthy().snapshot();
        ReportedState timeOnly = new ReportedState(s.odometerKm(), s.operatingHours(), s.engineOilLifePercent(),
                s.brakePadWearPercent(), s.lowVoltageBatteryVolts(), s.tirePressureKpa(), s.tirePressureNominalKpa(),
                OptionalDouble.empty(), Optional.of(Duration.ofDays(10)), s.dtcs());

        assertThat(rules.evaluate(VIN, timeOnly, REPORTED)).singleElement().satisfies(n -> {
            assertThat(n.dueKm()).isEmpty();
            assertThat(n.dueDate()).contains(TODAY.plusDays(10));
            assertThat(n.reason()).isEqualTo("service due in 10 days");
        });
    }

    @Test
    void percent_writesWhatFormatWithNoDecimalsWrites() {
        double[] edges = {0, -0.0, 0.5, -0.5, 1.5, 2.5, -2.5, 0.49999999999999994, 0.4999, -0.3, 99.5, 1e14 + 0.5,
            1e15, -1e15, 1e300, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
            4503599627370495.5, -4503599627370495.5};
        for (double v : edges) {
            assertThat(MaintenanceRules.percent(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.0f", v));
        }
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 100_000; i++) {
            double v = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(17));
            assertThat(MaintenanceRules.percent(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.0f", v));
        }
    }
}
