package io.pcmsim.tools.vehicle;

import java.time.Duration;

/**
 * How long a console trip takes: at the average speed given, or at a plausible one for its distance (short
 * trips through town, longer ones on country roads, long ones mostly on the motorway).
 */
final class TripPlan {

    /** The longest trip one {@code drive} takes. */
    static final double MAX_KM = 5_000;
    /** The highest average speed one {@code drive} takes. */
    static final double MAX_KMH = 250;

    private TripPlan() {
    }

    /** A plausible average speed for a trip of {@code km}, km/h. */
    static double averageSpeedKmh(double km) {
        if (km <= 5) {
            return 25;
        }
        if (km <= 20) {
            return 40;
        }
        return km <= 100 ? 70 : 100;
    }

    /** Simulated time a trip of {@code km} at {@code kmh} takes, at least one second. */
    static Duration duration(double km, double kmh) {
        return Duration.ofSeconds(Math.max(1, Math.round(km / kmh * 3600)));
    }
}
