package io.pcmsim.vehicle.internal.smartservice;

import io.pcmsim.protocol.VehicleSnapshot;
import io.pcmsim.vehicle.internal.smartservice.ThresholdRule.Direction;
import io.pcmsim.vehicle.smartservice.Thresholds;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The Smart Service limits as rules, and new limits from a backend's collection config. Stateless. */
public final class ThresholdRules {

    /** The limit names a collection config may set; {@code time-to-service} is in days. */
    public static final Set<String> NAMES = Set.of("engine-oil-life", "brake-pad-wear", "low-voltage-battery",
            "tire-pressure", "distance-to-service", "time-to-service");

    private ThresholdRules() {
    }

    /** {@code thresholds} as rules with the default hysteresis bands. */
    public static List<ThresholdRule> of(Thresholds thresholds) {
        return List.of(
                // a car without an engine reads NaN: never beyond the limit, never re-armed
                new ThresholdRule("engine-oil-life", Direction.BELOW, thresholds.engineOilLifeMinPercent(), 5,
                        s -> s.engineOilLifePercent().orElse(Double.NaN)),
                new ThresholdRule("brake-pad-wear", Direction.ABOVE, thresholds.brakePadWearMaxPercent(), 5,
                        s -> s.brakePadWearPercent().max()),
                new ThresholdRule("low-voltage-battery", Direction.BELOW, thresholds.lowVoltageBatteryMinVolts(), 0.1,
                        VehicleSnapshot::lowVoltageBatteryVolts),
                new ThresholdRule("tire-pressure", Direction.BELOW, thresholds.tirePressureMinPercentOfNominal(), 5,
                        s -> 100 * s.tirePressureKpa().min() / s.tirePressureNominalKpa()),
                new ThresholdRule("distance-to-service", Direction.BELOW, thresholds.distanceToServiceMinKm(), 500,
                        VehicleSnapshot::distanceToServiceKm),
                new ThresholdRule("time-to-service", Direction.BELOW,
                        thresholds.timeToServiceMin().toSeconds() / 86_400.0, 7,
                        s -> s.timeToService().toSeconds() / 86_400.0));
    }

    /**
     * {@code current} with the limits named in {@code limits} replaced.
     *
     * @throws IllegalArgumentException naming the limit when a name is not one of {@link #NAMES} or a
     *     value is not finite and 0 or more
     */
    public static Thresholds with(Thresholds current, Map<String, Double> limits) {
        for (Map.Entry<String, Double> limit : limits.entrySet()) {
            double value = limit.getValue();
            if (!NAMES.contains(limit.getKey())) {
                throw new IllegalArgumentException("threshold [" + limit.getKey() + "] is unknown; known: "
                        + NAMES.stream().sorted().toList());
            }
            if (!Double.isFinite(value) || value < 0) {
                throw new IllegalArgumentException("threshold " + limit.getKey() + " must be finite and 0 or more, was "
                        + value);
            }
        }
        return new Thresholds(
                limits.getOrDefault("engine-oil-life", current.engineOilLifeMinPercent()),
                limits.getOrDefault("brake-pad-wear", current.brakePadWearMaxPercent()),
                limits.getOrDefault("low-voltage-battery", current.lowVoltageBatteryMinVolts()),
                limits.getOrDefault("tire-pressure", current.tirePressureMinPercentOfNominal()),
                limits.getOrDefault("distance-to-service", current.distanceToServiceMinKm()),
                limits.containsKey("time-to-service")
                        ? Duration.ofSeconds(Math.round(limits.get("time-to-service") * 86_400))
                        : current.timeToServiceMin(),
                current.minInterval());
    }
}
