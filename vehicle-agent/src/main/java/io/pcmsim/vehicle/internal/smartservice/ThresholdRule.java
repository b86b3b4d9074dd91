package io.pcmsim.vehicle.internal.smartservice;

import io.pcmsim.protocol.VehicleSnapshot;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * One monitored signal: a limit, the direction in which passing it is a crossing, and a hysteresis band
 * the signal must leave before it can cross again.
 *
 * @param signal signal name in the report, e.g. {@code engine-oil-life}
 * @param direction {@link Direction#BELOW}: crossing when the value falls below the limit;
 *     {@link Direction#ABOVE}: when it rises above
 * @param limit the limit, in the unit of {@code reading}
 * @param hysteresis how far back past the limit the value must come to re-arm the rule; 0 or more
 * @param reading reads the signal's value from a snapshot
 */
public record ThresholdRule(String signal, Direction direction, double limit, double hysteresis,
        ToDoubleFunction<VehicleSnapshot> reading) {

    /** Which side of the limit is the bad side. */
    public enum Direction {
        /** Bad when the value is below the limit (oil life, voltage, pressure, service counters). */
        BELOW,
        /** Bad when the value is above the limit (pad wear). */
        ABOVE
    }

    public ThresholdRule {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(reading, "reading");
        if (!(hysteresis >= 0)) {
            throw new IllegalArgumentException(
                    "hysteresis of threshold " + signal + " must be 0 or more, was " + hysteresis);
        }
        if (!Double.isFinite(limit)) {
            throw new IllegalArgumentException("limit of threshold " + signal + " must be finite, was " + limit);
        }
    }

    /** The name reported in {@code crossed_thresholds}, e.g. {@code engine-oil-life<15}. */
    public String name() {
        return signal + (direction == Direction.BELOW ? "<" : ">")
                + BigDecimal.valueOf(limit).stripTrailingZeros().toPlainString();
    }

    /** Whether {@code value} is on the bad side of the limit. */
    public boolean isBeyond(double value) {
        return direction == Direction.BELOW ? value < limit : value > limit;
    }

    /** Whether {@code value} is back past the limit by at least the hysteresis band. */
    public boolean isRearmedBy(double value) {
        return direction == Direction.BELOW ? value >= limit + hysteresis : value <= limit - hysteresis;
    }
}
