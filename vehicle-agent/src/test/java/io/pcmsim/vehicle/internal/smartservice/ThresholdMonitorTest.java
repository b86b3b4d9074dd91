package io.pcmsim.vehicle.internal.smartservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pcmsim.protocol.VehicleSnapshot;
import io.pcmsim.protocol.Wheels;
import io.pcmsim.vehicle.smartservice.Thresholds;
import io.pcmsim.vehicle.internal.smartservice.ThresholdRule.Direction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThresholdMonitorTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** A healthy car; tests change one signal at a time. */
    private static VehicleSnapshot healthy() {
        return new VehicleSnapshot(10_000, 200, 60, Wheels.all(30), 12.6, Wheels.all(250), 250, 10_000,
                Duration.ofDays(300), List.of());
    }

    private static VehicleSnapshot oil(double percent) {
        VehicleSnapshot h = healthy();
        return new VehicleSnapshot(h.odometerKm(), h.operatingHours(), percent, h.brakePadWearPercent(),
                h.lowVoltageBatteryVolts(), h.tirePressureKpa(), h.tirePressureNominalKpa(), h.distanceToServiceKm(),
                h.timeToService(), h.dtcs());
    }

    private static VehicleSnapshot oilAndBattery(double percent, double volts) {
        VehicleSnapshot h = oil(percent);
        return new VehicleSnapshot(h.odometerKm(), h.operatingHours(), h.engineOilLifePercent().getAsDouble(),
                h.brakePadWearPercent(), volts, h.tirePressureKpa(), h.tirePressureNominalKpa(),
                h.distanceToServiceKm(), h.timeToService(), h.dtcs());
    }

    private static Instant minutes(long m) {
        return T0.plus(Duration.ofMinutes(m));
    }

    private static ThresholdMonitor monitor(Duration minInterval) {
        Thresholds d = Thresholds.defaults();
        return new ThresholdMonitor(new Thresholds(d.engineOilLifeMinPercent(), d.brakePadWearMaxPercent(),
                d.lowVoltageBatteryMinVolts(), d.tirePressureMinPercentOfNominal(), d.distanceToServiceMinKm(),
                d.timeToServiceMin(), minInterval));
    }

    @Test
    void evaluate_healthyCar_reportsNothing() {
        assertThat(monitor(Duration.ZERO).evaluate(healthy(), T0)).isEmpty();
    }

    @Test
    void evaluate_oilFallsBelowLimit_reportsOnceOnTheEdge() {
        ThresholdMonitor monitor = monitor(Duration.ZERO);

        assertThat(monitor.evaluate(oil(16), minutes(0))).isEmpty();
        Optional<ThresholdReport> report = monitor.evaluate(oil(14.9), minutes(10));
        assertThat(report).hasValueSatisfying(r -> {
            assertThat(r.crossedThresholds()).containsExactly("engine-oil-life<15");
            assertThat(r.at()).isEqualTo(minutes(10));
        });
        assertThat(monitor.evaluate(oil(14), minutes(20))).isEmpty();
        assertThat(monitor.evaluate(oil(10), minutes(30))).isEmpty();
    }

    @Test
    void evaluate_valueHoveringAtLimit_doesNotFlood() {
        ThresholdMonitor monitor = monitor(Duration.ZERO);
        int reports = 0;
        for (int i = 0; i < 100; i++) {
            double value = i % 2 == 0 ? 14.9 : 15.1;
            reports += monitor.evaluate(oil(value), minutes(i * 10L)).isPresent() ? 1 : 0;
        }
        assertThat(reports).isEqualTo(1);
    }

    @Test
    void evaluate_valueBackPastHysteresisThenBelowAgain_reportsAgain() {
        ThresholdMonitor monitor = monitor(Duration.ZERO);

        assertThat(monitor.evaluate(oil(14), minutes(0))).isPresent();
        assertThat(monitor.evaluate(oil(19.9), minutes(10))).isEmpty();
        assertThat(monitor.evaluate(oil(14), minutes(20))).as("not re-armed: 19.9 < 15 + 5").isEmpty();
        assertThat(monitor.evaluate(oil(20), minutes(30))).isEmpty();
        assertThat(monitor.evaluate(oil(14), minutes(40))).as("re-armed at 20").isPresent();
    }

    @Test
    void evaluate_padWearRisesAboveMaximum_reportsAboveRule() {
        ThresholdMonitor monitor = monitor(Duration.ZERO);
        VehicleSnapshot h = healthy();
        VehicleSnapshot worn = new VehicleSnapshot(h.odometerKm(), h.operatingHours(), h.engineOilLifePercent().getAsDouble(),
                new Wheels(81, 70, 40, 40), h.lowVoltageBatteryVolts(), h.tirePressureKpa(),
                h.tirePressureNominalKpa(), h.distanceToServiceKm(), h.timeToService(), h.dtcs());

        assertThat(monitor.evaluate(worn, T0)).hasValueSatisfying(
                r -> assertThat(r.crossedThresholds()).containsExactly("brake-pad-wear>80"));
    }

    @Test
    void evaluate_everySignalBeyond_namesEverySixThresholds() {
        VehicleSnapshot bad = new VehicleSnapshot(10_000, 200, 5, new Wheels(20, 20, 85, 20), 12.0,
                new Wheels(250, 250, 250, 200), 250, 1_000, Duration.ofDays(10), List.of("P0301"));

        assertThat(monitor(Duration.ZERO).evaluate(bad, T0)).hasValueSatisfying(r -> assertThat(r.crossedThresholds())
                .containsExactly("engine-oil-life<15", "brake-pad-wear>80", "low-voltage-battery<12.2",
                        "tire-pressure<85", "distance-to-service<1500", "time-to-service<30"));
    }

    @Test
    void evaluate_crossingWithinMinInterval_coalescedIntoOneReportWhenIntervalEnds() {
        ThresholdMonitor monitor = monitor(Duration.ofMinutes(30));

        assertThat(monitor.evaluate(oilAndBattery(14, 12.6), minutes(0))).isPresent();
        assertThat(monitor.evaluate(oilAndBattery(14, 12.1), minutes(10))).isEmpty();
        assertThat(monitor.hasPending()).isTrue();
        assertThat(monitor.evaluate(oilAndBattery(14, 12.1), minutes(20))).isEmpty();
        assertThat(monitor.evaluate(oilAndBattery(14, 12.1), minutes(30))).hasValueSatisfying(r -> {
            assertThat(r.crossedThresholds()).containsExactly("low-voltage-battery<12.2");
            assertThat(r.at()).isEqualTo(minutes(30));
        });
        assertThat(monitor.evaluate(oilAndBattery(14, 12.1), minutes(40))).isEmpty();
    }

    @Test
    void evaluate_severalCrossingsWithinMinInterval_oneReportNamingAll() {
        Thresholds d = Thresholds.defaults();
        ThresholdMonitor monitor = monitor(Duration.ofHours(1));
        VehicleSnapshot h = healthy();
        VehicleSnapshot lowTyre = new VehicleSnapshot(h.odometerKm(), h.operatingHours(), 14, h.brakePadWearPercent(),
                h.lowVoltageBatteryVolts(), new Wheels(250, 200, 250, 250), 250, h.distanceToServiceKm(),
                h.timeToService(), h.dtcs());
        assertThat(monitor.evaluate(oil(14), minutes(0))).isPresent();

        assertThat(monitor.evaluate(oilAndBattery(14, 12.1), minutes(10))).isEmpty();
        assertThat(monitor.evaluate(lowTyre, minutes(20))).isEmpty();
        VehicleSnapshot both = new VehicleSnapshot(h.odometerKm(), h.operatingHours(), 14, h.brakePadWearPercent(),
                12.1, new Wheels(250, 200, 250, 250), 250, h.distanceToServiceKm(), h.timeToService(), h.dtcs());

        assertThat(monitor.evaluate(both, minutes(60))).hasValueSatisfying(r -> assertThat(r.crossedThresholds())
                .containsExactlyInAnyOrder("low-voltage-battery<" + 12.2, "tire-pressure<85"));
        assertThat(d.minInterval()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void evaluate_pendingCrossingRecoveredBeforeIntervalEnds_reportsNothing() {
        ThresholdMonitor monitor = monitor(Duration.ofMinutes(30));
        assertThat(monitor.evaluate(oil(14), minutes(0))).isPresent();

        assertThat(monitor.evaluate(oilAndBattery(14, 12.1), minutes(10))).isEmpty();
        assertThat(monitor.evaluate(oilAndBattery(14, 12.25), minutes(30))).isEmpty();
        assertThat(monitor.hasPending()).isFalse();
    }

    @Test
    void discardPending_crossingWhileBlocked_isNotReportedLater() {
        ThresholdMonitor monitor = monitor(Duration.ofMinutes(30));
        assertThat(monitor.evaluate(oil(14), minutes(0))).isPresent();
        assertThat(monitor.evaluate(oilAndBattery(14, 12.1), minutes(10))).isEmpty();

        assertThat(monitor.discardPending()).isEqualTo(1);

        assertThat(monitor.evaluate(oilAndBattery(14, 12.1), minutes(40))).isEmpty();
    }

    @Test
    void rule_negativeHysteresis_throwsNamingSignal() {
        assertThatThrownBy(() -> new ThresholdRule("oil", Direction.BELOW, 15, -1, s -> 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("oil").hasMessageContaining("-1");
    }

    @Test
    void thresholds_defaults_matchSmartServiceSpecification() {
        assertThat(ThresholdRules.of(Thresholds.defaults())).extracting(ThresholdRule::name).containsExactly(
                "engine-oil-life<15", "brake-pad-wear>80", "low-voltage-battery<12.2", "tire-pressure<85",
                "distance-to-service<1500", "time-to-service<30");
    }
}
