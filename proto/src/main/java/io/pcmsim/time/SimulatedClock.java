package io.pcmsim.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that runs {@code speed} times faster than a real time source, starting at a chosen
 * simulated instant. {@code speed = 3600} shows one simulated hour per real second.
 *
 * <p>Immutable and thread-safe; the real source is read on every call.
 */
public final class SimulatedClock extends Clock {

    private final InstantSource real;
    private final Instant realStart;
    private final Instant simulatedStart;
    private final double speed;
    private final ZoneId zone;

    private SimulatedClock(InstantSource real, Instant realStart, Instant simulatedStart, double speed, ZoneId zone) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a finite number above 0, was " + speed);
        }
        this.real = Objects.requireNonNull(real, "real");
        this.realStart = realStart;
        this.simulatedStart = Objects.requireNonNull(simulatedStart, "simulatedStart");
        this.speed = speed;
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** A clock that reads {@code simulatedStart} now and advances {@code speed} times faster than {@code real}. */
    public static SimulatedClock startingAt(Instant simulatedStart, double speed, InstantSource real) {
        return new SimulatedClock(real, real.instant(), simulatedStart, speed, ZoneOffset.UTC);
    }

    /** Same as {@link #startingAt(Instant, double, InstantSource)} on the system clock. */
    public static SimulatedClock startingAt(Instant simulatedStart, double speed) {
        return startingAt(simulatedStart, speed, Clock.systemUTC());
    }

    public double speed() {
        return speed;
    }

    /** Real time that passes while {@code simulated} passes on this clock (at least 1 ns for a positive span). */
    public Duration toReal(Duration simulated) {
        if (simulated.isZero() || simulated.isNegative()) {
            return Duration.ZERO;
        }
        long nanos = (long) Math.max(1, simulated.toNanos() / speed);
        return Duration.ofNanos(nanos);
    }

    /** Simulated time that passes while {@code real} passes. */
    public Duration toSimulated(Duration real) {
        return Duration.ofNanos((long) (real.toNanos() * speed));
    }

    /** Simulated time elapsed since this clock was created. */
    public Duration elapsed() {
        return Duration.between(simulatedStart, instant());
    }

    @Override
    public Instant instant() {
        Duration realElapsed = Duration.between(realStart, real.instant());
        return simulatedStart.plus(toSimulated(realElapsed));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new SimulatedClock(real, realStart, simulatedStart, speed, newZone);
    }

    @Override
    public String toString() {
        return "SimulatedClock[start=" + simulatedStart + ", speed=" + speed + "x]";
    }
}
