package io.pcmsim.vehicle.model;

import java.time.Duration;
import java.time.Instant;

/**
 * The current trip of a car (a distance covered evenly between two instants) and its ignition. Not
 * thread-safe: {@link VehicleModel} guards it.
 */
final class Trips {

    private Instant tripStart = Instant.EPOCH;
    private Instant tripEnd = Instant.EPOCH;
    private double tripKm;
    private boolean ignitionOn;

    /** No trip: an empty one at {@code now}. */
    void reset(Instant now) {
        tripStart = now;
        tripEnd = now;
        tripKm = 0;
    }

    /** @throws IllegalArgumentException when the duration is not positive or the distance negative or not finite */
    static void check(Duration duration, double distanceKm) {
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("a trip must last longer than 0, was " + duration);
        }
        if (!(distanceKm >= 0) || Double.isInfinite(distanceKm)) {
            throw new IllegalArgumentException("a trip's distance must be 0 km or more, was " + distanceKm);
        }
    }

    void start(Instant from, Duration duration, double distanceKm) {
        tripStart = from;
        tripEnd = from.plus(duration);
        tripKm = distanceKm;
        ignitionOn = false;
    }

    /** Seconds of the current trip that fall between {@code from} and {@code to}. */
    double overlapSeconds(Instant from, Instant to) {
        Instant start = from.isAfter(tripStart) ? from : tripStart;
        Instant end = to.isBefore(tripEnd) ? to : tripEnd;
        return end.isAfter(start) ? Duration.between(start, end).toNanos() / 1e9 : 0;
    }

    /** The km the trip covers in {@code seconds} of it. */
    double kmOver(double seconds) {
        return seconds > 0 ? tripKm * seconds / totalSeconds() : 0;
    }

    /** The trip's even pace, km/h; 0 for an empty trip. */
    double speedKmh() {
        double seconds = totalSeconds();
        return seconds > 0 ? tripKm / (seconds / 3600.0) : 0;
    }

    /** Distance the trip covers between {@code from} and {@code to}, km. */
    double kmBetween(Instant from, Instant to) {
        return kmOver(overlapSeconds(from, to));
    }

    private double totalSeconds() {
        return Duration.between(tripStart, tripEnd).toNanos() / 1e9;
    }

    void switchIgnitionOn(Instant now) {
        if (state(now) != DrivingState.DRIVING) {
            ignitionOn = true;
        }
    }

    /** Ends a trip in progress at {@code now} (the state is already advanced there), ignition off. */
    void park(Instant now) {
        if (tripEnd.isAfter(now)) {
            tripKm = tripKm * overlapSeconds(tripStart, now) / totalSeconds();
            tripEnd = now.isAfter(tripStart) ? now : tripStart;
        }
        ignitionOn = false;
    }

    DrivingState state(Instant now) {
        if (!now.isBefore(tripStart) && now.isBefore(tripEnd)) {
            return DrivingState.DRIVING;
        }
        return ignitionOn ? DrivingState.IGNITION_ON : DrivingState.PARKED;
    }
}
