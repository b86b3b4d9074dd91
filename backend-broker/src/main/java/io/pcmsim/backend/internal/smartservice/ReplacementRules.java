package io.pcmsim.backend.internal.smartservice;

import io.pcmsim.backend.Component;
import io.pcmsim.protocol.ReportedState;
import io.pcmsim.protocol.WheelReadings;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Whether a reported state shows a component replaced or repaired, which resolves its need. Stricter than
 * "no need any more": a tyre that drifts from 11 % to 9 % below placard pressure shows no need but was not
 * inflated, so its need stays. A pure function: no I/O, thread-safe.
 *
 * <ul>
 *   <li><b>Engine oil</b>: life at least {@value #OIL_FRESH_PERCENT} %.</li>
 *   <li><b>Brake pads</b>: every reported wheel at most {@value #PADS_NEW_PERCENT} % worn.</li>
 *   <li><b>12 V battery</b>: at least {@value #BATTERY_CHARGED_VOLTS} V.</li>
 *   <li><b>Tyre pressure</b>: every reported wheel within {@value #TYRE_TOLERANCE_PERCENT} % below the placard
 *       pressure or above it.</li>
 *   <li><b>Service interval</b>: the counters restarted: at least {@value #SERVICE_RESTARTED_KM} km and
 *       {@value #SERVICE_RESTARTED_DAYS} days left, where reported.</li>
 *   <li><b>Trouble codes</b>: none stored.</li>
 *   <li><b>Engine oil level</b>: at least {@value #OIL_LEVEL_TOPPED_UP_PERCENT} % between the marks.</li>
 *   <li><b>Brake fluid</b>: at most {@value #BRAKE_FLUID_FRESH_DAYS} days old.</li>
 *   <li><b>High-voltage battery</b>: health at least {@value #BATTERY_HEALTHY_PERCENT} %.</li>
 *   <li><b>Washer fluid</b>: at least {@value #WASHER_FILLED_PERCENT} %.</li>
 * </ul>
 * The 12 V battery needs, where the car reports its health, a health of at least
 * {@value #BATTERY_HEALTHY_PERCENT} % as well.
 * A component whose readings the state does not carry is never shown replaced.
 */
final class ReplacementRules {

    static final double OIL_FRESH_PERCENT = 90;
    static final double PADS_NEW_PERCENT = 10;
    static final double BATTERY_CHARGED_VOLTS = 12.4;
    static final double TYRE_TOLERANCE_PERCENT = 3;
    static final double SERVICE_RESTARTED_KM = 5_000;
    static final long SERVICE_RESTARTED_DAYS = 180;
    static final double OIL_LEVEL_TOPPED_UP_PERCENT = 75;
    static final double BRAKE_FLUID_FRESH_DAYS = 30;
    static final double BATTERY_HEALTHY_PERCENT = 90;
    static final double WASHER_FILLED_PERCENT = 80;

    private ReplacementRules() {
    }

    /** What in {@code s} shows {@code component} replaced, e.g. "engine oil life 100 %"; empty when nothing does. */
    static Optional<String> replaced(Component component, ReportedState s) {
        return switch (component) {
            case ENGINE_OIL -> s.engineOilLifePercent().isPresent()
                    && s.engineOilLifePercent().getAsDouble() >= OIL_FRESH_PERCENT
                    ? Optional.of("engine oil life " + whole(s.engineOilLifePercent().getAsDouble()) + " %")
                    : Optional.empty();
            case BRAKE_PADS -> worst(s.brakePadWearPercent(), true)
                    .filter(w -> w <= PADS_NEW_PERCENT).map(w -> "brake pads at most " + whole(w) + " % worn");
            case LOW_VOLTAGE_BATTERY -> s.lowVoltageBatteryVolts().isPresent()
                    && s.lowVoltageBatteryVolts().getAsDouble() >= BATTERY_CHARGED_VOLTS
                    && s.more().lowVoltageBatteryHealthPercent().orElse(100) >= BATTERY_HEALTHY_PERCENT
                    ? Optional.of(String.format(java.util.Locale.ROOT, "12 V battery at %.2f V",
                            s.lowVoltageBatteryVolts().getAsDouble()))
                    : Optional.empty();
            case TIRE_PRESSURE -> tyres(s);
            case SERVICE_INTERVAL -> service(s);
            case DIAGNOSTIC_TROUBLE_CODES -> s.dtcs().isEmpty() ? Optional.of("no trouble codes stored")
                    : Optional.empty();
            case ENGINE_OIL_LEVEL -> atLeast(s.more().engineOilLevelPercent(), OIL_LEVEL_TOPPED_UP_PERCENT,
                    "engine oil level %.0f %% between the marks");
            case BRAKE_FLUID -> s.more().brakeFluidAgeDays().isPresent()
                    && s.more().brakeFluidAgeDays().getAsDouble() <= BRAKE_FLUID_FRESH_DAYS
                    ? Optional.of("brake fluid " + whole(s.more().brakeFluidAgeDays().getAsDouble()) + " days old")
                    : Optional.empty();
            case HIGH_VOLTAGE_BATTERY -> atLeast(s.more().highVoltageBatteryHealthPercent(), BATTERY_HEALTHY_PERCENT,
                    "high-voltage battery health %.0f %%");
            case WASHER_FLUID -> atLeast(s.more().washerFluidPercent(), WASHER_FILLED_PERCENT,
                    "washer fluid %.0f %%");
        };
    }

    private static Optional<String> atLeast(OptionalDouble reading, double limit, String evidence) {
        return reading.isPresent() && reading.getAsDouble() >= limit
                ? Optional.of(String.format(java.util.Locale.ROOT, evidence, reading.getAsDouble()))
                : Optional.empty();
    }

    private static Optional<String> tyres(ReportedState s) {
        double nominal = s.tirePressureNominalKpa().orElse(0);
        Optional<Double> lowest = worst(s.tirePressureKpa(), false);
        if (nominal <= 0 || lowest.isEmpty() || lowest.get() < nominal * (1 - TYRE_TOLERANCE_PERCENT / 100)) {
            return Optional.empty();
        }
        return Optional.of("tyres at least " + whole(lowest.get()) + " kPa, placard " + whole(nominal) + " kPa");
    }

    private static Optional<String> service(ReportedState s) {
        OptionalDouble km = s.distanceToServiceKm();
        Optional<Duration> time = s.timeToService();
        if (km.isEmpty() && time.isEmpty()) {
            return Optional.empty();
        }
        boolean kmRestarted = km.isEmpty() || km.getAsDouble() >= SERVICE_RESTARTED_KM;
        boolean timeRestarted = time.isEmpty() || time.get().toDays() >= SERVICE_RESTARTED_DAYS;
        if (!kmRestarted || !timeRestarted) {
            return Optional.empty();
        }
        return Optional.of("service counters restarted"
                + (km.isPresent() ? ": " + whole(km.getAsDouble()) + " km" : ":")
                + (time.isPresent() ? (km.isPresent() ? ", " : " ") + time.get().toDays() + " days" : "") + " left");
    }

    /** The highest ({@code highest}) or lowest reported wheel; empty when none is reported. */
    private static Optional<Double> worst(WheelReadings wheels, boolean highest) {
        Optional<Double> worst = Optional.empty();
        for (OptionalDouble w : wheels.asList()) {
            if (w.isPresent() && (worst.isEmpty() || (highest ? w.getAsDouble() > worst.get()
                    : w.getAsDouble() < worst.get()))) {
                worst = Optional.of(w.getAsDouble());
            }
        }
        return worst;
    }

    private static String whole(double value) {
        return Long.toString(Math.round(value));
    }
}
