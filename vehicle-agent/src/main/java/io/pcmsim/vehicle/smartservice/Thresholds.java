package io.pcmsim.vehicle.smartservice;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits Smart Service watches, and the minimum interval between two threshold reports.
 *
 * @param engineOilLifeMinPercent report when oil life falls below this, % (default 15)
 * @param brakePadWearMaxPercent report when any pad's wear rises above this, % (default 80)
 * @param lowVoltageBatteryMinVolts report when the 12 V battery falls below this, V (default 12.2)
 * @param tirePressureMinPercentOfNominal report when any tyre falls below this share of the placard
 *     pressure, % (default 85)
 * @param distanceToServiceMinKm report when the distance to service falls below this, km (default 1,500)
 * @param timeToServiceMin report when the time to service falls below this (default 30 days)
 * @param minInterval crossings within this simulated time after a threshold report are coalesced into
 *     one report when it ends (default 30 min)
 */
public record Thresholds(
        double engineOilLifeMinPercent,
        double brakePadWearMaxPercent,
        double lowVoltageBatteryMinVolts,
        double tirePressureMinPercentOfNominal,
        double distanceToServiceMinKm,
        Duration timeToServiceMin,
        Duration minInterval) {

    public Thresholds {
        Objects.requireNonNull(timeToServiceMin, "timeToServiceMin");
        Objects.requireNonNull(minInterval, "minInterval");
        if (minInterval.isNegative()) {
            throw new IllegalArgumentException("minInterval must not be negative, was " + minInterval);
        }
    }

    /** The limits named in the Smart Service specification. */
    public static Thresholds defaults() {
        return new Thresholds(15, 80, 12.2, 85, 1_500, Duration.ofDays(30), Duration.ofMinutes(30));
    }
}
