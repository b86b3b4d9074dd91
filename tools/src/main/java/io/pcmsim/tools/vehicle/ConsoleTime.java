package io.pcmsim.tools.vehicle;

import io.pcmsim.time.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The console car's simulated time: a {@link SimulatedClock} that runs {@code speed} times faster than real
 * time, or stands still at speed 0, and that {@link #advance} moves ahead at once. The clock reads this
 * source, which is real time (frozen at the start for speed 0) plus what {@code advance} added, so every
 * reading of the clock, the car's included, sees a jump at the same moment. Thread-safe.
 */
final class ConsoleTime implements InstantSource {

    private final InstantSource real;
    private final Instant realStart;
    private final boolean running;
    /** Simulated time per unit of this source: the speed, or 1 when time only moves by advance. */
    private final double rate;
    private final AtomicLong advancedNanos = new AtomicLong();
    private final SimulatedClock clock;

    /**
     * @param start the simulated instant the car starts at
     * @param speed simulated seconds per real second; 0 for time that moves only by {@link #advance}
     */
    ConsoleTime(Instant start, double speed, InstantSource real) {
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("the speed must be 0 or a finite number above 0, was " + speed);
        }
        this.real = real;
        this.realStart = real.instant();
        this.running = speed > 0;
        this.rate = running ? speed : 1;
        this.clock = SimulatedClock.startingAt(start, rate, this);
    }

    /** The simulated clock the car runs on. */
    SimulatedClock clock() {
        return clock;
    }

    /** Whether simulated time also passes with real time (speed above 0). */
    boolean running() {
        return running;
    }

    /** Moves simulated time ahead by {@code simulated} at once (on top of what real time adds). */
    void advance(Duration simulated) {
        advancedNanos.addAndGet((long) (simulated.toNanos() / rate));
    }

    @Override
    public Instant instant() {
        return (running ? real.instant() : realStart).plusNanos(advancedNanos.get());
    }
}
