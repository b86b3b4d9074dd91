package io.pcmsim.backend.internal.smartservice;

import io.pcmsim.backend.Component;
import io.pcmsim.backend.MaintenanceNeed;
import io.pcmsim.backend.Severity;
import io.pcmsim.protocol.MoreReadings;
import io.pcmsim.protocol.ReportedState;
import io.pcmsim.protocol.Vin;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The rules of the components that not every car has, or that the first schema did not report; part of
 * {@link MaintenanceRules}. A reading the car did not report gives no need. Pure functions.
 *
 * <ul>
 *   <li><b>Engine oil level</b>: at most 25 % between the marks MEDIUM, at most 10 % HIGH, at most 0 %
 *       CRITICAL; due today.</li>
 *   <li><b>Brake fluid</b>: older than 2 years (730 days) MEDIUM, older than 3 years HIGH; due today.</li>
 *   <li><b>12 V battery health</b> (folded into the 12 V battery need): below 60 % MEDIUM (due in 30 days),
 *       below 45 % HIGH (7 days).</li>
 *   <li><b>High-voltage battery</b>: health below 70 % MEDIUM (due in 30 days), below 60 % HIGH (7 days).</li>
 *   <li><b>Washer fluid</b>: at most 15 % LOW; due today.</li>
 * </ul>
 */
final class ComponentRules {

    private static final double EPS = 1e-9;
    private static final double BRAKE_FLUID_DAYS = 730;

    private ComponentRules() {
    }

    static Optional<MaintenanceNeed> oilLevel(Vin vin, ReportedState s, LocalDate today) {
        OptionalDouble level = s.more().engineOilLevelPercent();
        if (level.isEmpty()) {
            return Optional.empty();
        }
        double l = level.getAsDouble();
        Severity severity = l <= 0 + EPS ? Severity.CRITICAL
                : l <= 10 + EPS ? Severity.HIGH
                : l <= 25 + EPS ? Severity.MEDIUM : null;
        return need(vin, Component.ENGINE_OIL_LEVEL, severity, s, today,
                "engine oil level " + MaintenanceRules.percent(Math.max(0, l)) + " % between the marks");
    }

    static Optional<MaintenanceNeed> brakeFluid(Vin vin, ReportedState s, LocalDate today) {
        OptionalDouble age = s.more().brakeFluidAgeDays();
        if (age.isEmpty()) {
            return Optional.empty();
        }
        double days = age.getAsDouble();
        Severity severity = days > 3 * 365 ? Severity.HIGH : days > BRAKE_FLUID_DAYS ? Severity.MEDIUM : null;
        // the reason names the bracket, not the day count, so that the needs stay the same from day to day and
        // their rows are not rewritten with every report (NewestStates compares digests)
        return need(vin, Component.BRAKE_FLUID, severity, s, today, severity == Severity.HIGH
                ? "brake fluid older than 3 years, change every 2 years"
                : "brake fluid older than 2 years, change every 2 years");
    }

    /** The 12 V battery's health alone; {@link MaintenanceRules} folds it into the battery need. */
    static Optional<Severity> lowVoltageHealth(ReportedState s) {
        double health = s.more().lowVoltageBatteryHealthPercent().orElse(100);
        return Optional.ofNullable(health < 45 - EPS ? Severity.HIGH : health < 60 - EPS ? Severity.MEDIUM : null);
    }

    static Optional<MaintenanceNeed> highVoltage(Vin vin, ReportedState s, LocalDate today) {
        OptionalDouble health = s.more().highVoltageBatteryHealthPercent();
        if (health.isEmpty()) {
            return Optional.empty();
        }
        double h = health.getAsDouble();
        Severity severity = h < 60 - EPS ? Severity.HIGH : h < 70 - EPS ? Severity.MEDIUM : null;
        if (severity == null) {
            return Optional.empty();
        }
        return Optional.of(new MaintenanceNeed(vin, Component.HIGH_VOLTAGE_BATTERY, severity, OptionalDouble.empty(),
                Optional.of(today.plusDays(severity == Severity.HIGH ? 7 : 30)),
                "high-voltage battery health " + MaintenanceRules.percent(h) + " %"));
    }

    static Optional<MaintenanceNeed> washer(Vin vin, ReportedState s, LocalDate today) {
        MoreReadings m = s.more();
        if (m.washerFluidPercent().isEmpty() || m.washerFluidPercent().getAsDouble() > 15 + EPS) {
            return Optional.empty();
        }
        return need(vin, Component.WASHER_FLUID, Severity.LOW, s, today,
                "washer fluid " + MaintenanceRules.percent(Math.max(0, m.washerFluidPercent().getAsDouble())) + " %");
    }

    /** A need due now (today, at the current odometer), or none when {@code severity} is null. */
    private static Optional<MaintenanceNeed> need(Vin vin, Component component, Severity severity, ReportedState s,
            LocalDate today, String reason) {
        if (severity == null) {
            return Optional.empty();
        }
        return Optional.of(new MaintenanceNeed(vin, component, severity, s.odometerKm(), Optional.of(today), reason));
    }
}
