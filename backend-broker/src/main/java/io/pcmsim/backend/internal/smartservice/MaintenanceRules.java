package io.pcmsim.backend.internal.smartservice;

import io.pcmsim.backend.Component;
import io.pcmsim.backend.MaintenanceNeed;
import io.pcmsim.backend.Severity;
import io.pcmsim.protocol.ReportedState;
import io.pcmsim.protocol.Vin;
import io.pcmsim.protocol.WheelReadings;
import io.pcmsim.protocol.Wheels;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Derives maintenance needs from one reported vehicle state. A reading the car did not report yields
 * no need (and a need whose due distance would need the odometer has none when it is absent). A pure
 * function: no I/O, no clock, thread-safe. Thresholds are inclusive where the text says "at most"/"at least" and compared with a
 * tolerance of 1e-9 so that values like 10 % computed from kPa do not miss their boundary.
 *
 * <ul>
 *   <li><b>Engine oil</b>: remaining life at most 15 % MEDIUM, at most 5 % HIGH, at most 0 % CRITICAL;
 *       due at odometer + remaining life × {@value #OIL_INTERVAL_KM} km (nominal change interval).</li>
 *   <li><b>Brake pads</b> (worst wheel, named in the reason): wear at least 80 % MEDIUM, 90 % HIGH,
 *       97 % CRITICAL; due at odometer + remaining pad % × {@value #PAD_KM_PER_PERCENT} km.</li>
 *   <li><b>12 V battery</b>: resting voltage below 12.2 V MEDIUM (due in 30 days), below 11.9 V HIGH
 *       (7 days), below 11.6 V CRITICAL (today). 0 V or less means "not reported" and is ignored.</li>
 *   <li><b>Tyre pressure</b> (worst wheel): at least 10 % below the placard pressure MEDIUM, 20 % HIGH,
 *       30 % CRITICAL; due now (today, at the current odometer). Ignored without a placard pressure.</li>
 *   <li><b>Service interval</b>: at most 1,500 km or 30 days left MEDIUM; overdue (negative distance or
 *       time) HIGH; due at odometer + distance left and on report date + time left.</li>
 *   <li><b>Diagnostic trouble codes</b>: any stored DTC MEDIUM, due today, codes listed in the reason.</li>
 *   <li>Oil level, brake fluid, 12 V battery health (folded into the 12 V battery need: the more urgent of
 *       voltage and health), high-voltage battery and washer fluid: see {@link ComponentRules}.</li>
 * </ul>
 *
 * Dates are UTC dates of the report time (the vehicle's time of the message the state came from).
 */
public final class MaintenanceRules {

    /** Nominal engine oil change interval, km. */
    public static final double OIL_INTERVAL_KM = 15_000;
    /** Distance one percent of brake pad lasts, km. */
    public static final double PAD_KM_PER_PERCENT = 400;

    private static final double EPS = 1e-9;
    private static final double SERVICE_SOON_KM = 1_500;
    private static final Duration SERVICE_SOON_TIME = Duration.ofDays(30);

    private MaintenanceRules() {
    }

    /** The rules described in the class documentation. */
    public static MaintenanceRules defaults() {
        return new MaintenanceRules();
    }

    /**
     * Every need the state shows, at most one per component, in {@link Component} order; empty when the
     * vehicle needs nothing.
     *
     * @param reportTime when the state was measured; due dates count from its UTC date
     */
    public List<MaintenanceNeed> evaluate(Vin vin, ReportedState state, Instant reportTime) {
        LocalDate today = LocalDate.ofInstant(reportTime, ZoneOffset.UTC);
        List<MaintenanceNeed> needs = new ArrayList<>(10);
        oil(vin, state).ifPresent(needs::add);
        pads(vin, state).ifPresent(needs::add);
        battery(vin, state, today).ifPresent(needs::add);
        tyres(vin, state, today).ifPresent(needs::add);
        service(vin, state, today).ifPresent(needs::add);
        dtcs(vin, state, today).ifPresent(needs::add);
        ComponentRules.oilLevel(vin, state, today).ifPresent(needs::add);
        ComponentRules.brakeFluid(vin, state, today).ifPresent(needs::add);
        ComponentRules.highVoltage(vin, state, today).ifPresent(needs::add);
        ComponentRules.washer(vin, state, today).ifPresent(needs::add);
        return List.copyOf(needs);
    }

    private Optional<MaintenanceNeed> oil(Vin vin, ReportedState s) {
        if (s.engineOilLifePercent().isEmpty()) {
            return Optional.empty();
        }
        double life = s.engineOilLifePercent().getAsDouble();
        Severity severity = life <= 0 + EPS ? Severity.CRITICAL
                : life <= 5 + EPS ? Severity.HIGH
                : life <= 15 + EPS ? Severity.MEDIUM : null;
        if (severity == null) {
            return Optional.empty();
        }
        OptionalDouble dueKm = plus(s.odometerKm(), Math.max(0, life) / 100 * OIL_INTERVAL_KM);
        return Optional.of(new MaintenanceNeed(vin, Component.ENGINE_OIL, severity, dueKm,
                Optional.empty(), "engine oil life " + percent(Math.max(0, life)) + " % left"));
    }

    private Optional<MaintenanceNeed> pads(Vin vin, ReportedState s) {
        WheelReadings wear = s.brakePadWearPercent();
        OptionalInt worst = worstIndex(wear, true);
        if (worst.isEmpty()) {
            return Optional.empty();
        }
        double w = wear.get(worst.getAsInt()).getAsDouble();
        Severity severity = w >= 97 - EPS ? Severity.CRITICAL
                : w >= 90 - EPS ? Severity.HIGH
                : w >= 80 - EPS ? Severity.MEDIUM : null;
        if (severity == null) {
            return Optional.empty();
        }
        OptionalDouble dueKm = plus(s.odometerKm(), Math.max(0, 100 - w) * PAD_KM_PER_PERCENT);
        return Optional.of(new MaintenanceNeed(vin, Component.BRAKE_PADS, severity, dueKm,
                Optional.empty(), Wheels.NAMES[worst.getAsInt()] + " pad " + percent(w) + " % worn"));
    }

    private Optional<MaintenanceNeed> battery(Vin vin, ReportedState s, LocalDate today) {
        double v = s.lowVoltageBatteryVolts().orElse(0);
        Severity byVoltage = v <= 0 ? null
                : v < 11.6 - EPS ? Severity.CRITICAL
                : v < 11.9 - EPS ? Severity.HIGH
                : v < 12.2 - EPS ? Severity.MEDIUM : null;
        Severity byHealth = ComponentRules.lowVoltageHealth(s).orElse(null);
        if (byVoltage == null && byHealth == null) {
            return Optional.empty();
        }
        Severity severity = byHealth == null || byVoltage != null && byVoltage.compareTo(byHealth) >= 0 ? byVoltage
                : byHealth;
        int days = switch (severity) {
            case CRITICAL -> 0;
            case HIGH -> 7;
            default -> 30;
        };
        String reason = (byVoltage != null ? "12 V battery at " + String.format(Locale.ROOT, "%.2f", v) + " V" : "")
                + (byVoltage != null && byHealth != null ? ", " : "")
                + (byHealth != null ? (byVoltage == null ? "12 V battery " : "") + "health "
                        + percent(s.more().lowVoltageBatteryHealthPercent().getAsDouble()) + " %" : "");
        return Optional.of(new MaintenanceNeed(vin, Component.LOW_VOLTAGE_BATTERY, severity, OptionalDouble.empty(),
                Optional.of(today.plusDays(days)), reason));
    }

    private Optional<MaintenanceNeed> tyres(Vin vin, ReportedState s, LocalDate today) {
        double nominal = s.tirePressureNominalKpa().orElse(0);
        WheelReadings pressure = s.tirePressureKpa();
        OptionalInt worst = worstIndex(pressure, false);
        if (nominal <= 0 || worst.isEmpty()) {
            return Optional.empty();
        }
        double p = pressure.get(worst.getAsInt()).getAsDouble();
        double deficit = (nominal - p) / nominal * 100;
        Severity severity = deficit >= 30 - EPS ? Severity.CRITICAL
                : deficit >= 20 - EPS ? Severity.HIGH
                : deficit >= 10 - EPS ? Severity.MEDIUM : null;
        if (severity == null) {
            return Optional.empty();
        }
        return Optional.of(new MaintenanceNeed(vin, Component.TIRE_PRESSURE, severity,
                s.odometerKm(), Optional.of(today),
                Wheels.NAMES[worst.getAsInt()] + " tyre at " + percent(p) + " kPa, " + percent(deficit)
                        + " % below " + percent(nominal) + " kPa"));
    }

    private Optional<MaintenanceNeed> service(Vin vin, ReportedState s, LocalDate today) {
        OptionalDouble km = s.distanceToServiceKm();
        Optional<Duration> time = s.timeToService();
        boolean kmOverdue = km.isPresent() && km.getAsDouble() < 0;
        boolean timeOverdue = time.isPresent() && time.get().isNegative();
        boolean soon = km.isPresent() && km.getAsDouble() <= SERVICE_SOON_KM + EPS
                || time.isPresent() && time.get().compareTo(SERVICE_SOON_TIME) <= 0;
        if (!kmOverdue && !timeOverdue && !soon) {
            return Optional.empty();
        }
        Optional<LocalDate> dueDate = time.map(t -> today.plusDays(Math.floorDiv(t.toSeconds(), 86_400L)));
        String reason = kmOverdue || timeOverdue
                ? "service overdue by " + (kmOverdue ? percent(-km.getAsDouble()) + " km" : "")
                        + (kmOverdue && timeOverdue ? " and " : "")
                        + (timeOverdue ? days(time.get().negated()) : "")
                : "service due in " + (km.isPresent() ? percent(km.getAsDouble()) + " km" : "")
                        + (km.isPresent() && time.isPresent() ? " or " : "")
                        + (time.isPresent() ? days(time.get()) : "");
        return Optional.of(new MaintenanceNeed(vin, Component.SERVICE_INTERVAL,
                kmOverdue || timeOverdue ? Severity.HIGH : Severity.MEDIUM,
                km.isPresent() ? plus(s.odometerKm(), km.getAsDouble()) : OptionalDouble.empty(), dueDate, reason));
    }

    private Optional<MaintenanceNeed> dtcs(Vin vin, ReportedState s, LocalDate today) {
        if (s.dtcs().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MaintenanceNeed(vin, Component.DIAGNOSTIC_TROUBLE_CODES, Severity.MEDIUM,
                s.odometerKm(), Optional.of(today),
                "stored trouble codes " + String.join(", ", s.dtcs())));
    }

    /** {@code odometer + km}, or empty when the odometer was not reported. */
    private static OptionalDouble plus(OptionalDouble odometer, double km) {
        return odometer.isPresent() ? OptionalDouble.of(odometer.getAsDouble() + km) : OptionalDouble.empty();
    }

    /**
     * Index of the highest ({@code highest}) or lowest reported value; the first wheel in VSS order on
     * ties; empty when no wheel was reported.
     */
    private static OptionalInt worstIndex(WheelReadings wheels, boolean highest) {
        OptionalInt worst = OptionalInt.empty();
        for (int i = 0; i < 4; i++) {
            OptionalDouble v = wheels.get(i);
            if (v.isPresent() && (worst.isEmpty()
                    || (highest ? v.getAsDouble() > wheels.get(worst.getAsInt()).getAsDouble()
                               : v.getAsDouble() < wheels.get(worst.getAsInt()).getAsDouble()))) {
                worst = OptionalInt.of(i);
            }
        }
        return worst;
    }

    /** As {@code String.format(Locale.ROOT, "%.0f", value)} (half up, "-0" for a small negative), without the parsing of a format. */
    static String percent(double value) {
        double magnitude = Math.abs(value);
        if (!(magnitude < 1e15)) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        long whole = (long) magnitude;
        long rounded = magnitude - whole >= 0.5 ? whole + 1 : whole; // the difference is exact below 2^52
        boolean negative = value < 0 || Double.doubleToRawLongBits(value) == Long.MIN_VALUE;
        return negative ? "-" + rounded : Long.toString(rounded);
    }

    private static String days(Duration d) {
        long days = d.toDays();
        return days == 1 ? "1 day" : days + " days";
    }
}
