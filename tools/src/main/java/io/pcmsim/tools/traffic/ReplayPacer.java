package io.pcmsim.tools.traffic;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The replay's timing: the first record is due at once, every later one when the clock has advanced by
 * the recording's time between them divided by the speed ({@code Double.POSITIVE_INFINITY}: as fast as
 * possible, never waits). Measures how late each record was handed on. Not thread-safe: one replay
 * loop.
 */
final class ReplayPacer {

    /** Waits until the clock reaches an instant; returns early when the replay is to stop. */
    @FunctionalInterface
    interface Waiter {
        void waitUntil(Instant due) throws InterruptedException;
    }

    private final Clock clock;
    private final double speed;
    private final Waiter waiter;
    private Instant originWall = Instant.EPOCH;
    private long originMicros;
    private boolean started;
    private long maxLatenessMicros;
    private long totalLatenessMicros;
    private long paced;

    ReplayPacer(Clock clock, double speed, Waiter waiter) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be above 0, was " + speed);
        }
        this.clock = clock;
        this.speed = speed;
        this.waiter = waiter;
    }

    /**
     * Waits until the record received at {@code recordMicros} is due.
     *
     * @return how late it is now, in microseconds (0 when on time)
     */
    long awaitTurn(long recordMicros) throws InterruptedException {
        if (!started) {
            started = true;
            originWall = clock.instant();
            originMicros = recordMicros;
        }
        long lateness = 0;
        if (speed != Double.POSITIVE_INFINITY) {
            Instant due = due(recordMicros);
            waiter.waitUntil(due);
            lateness = Math.max(0, ChronoUnit.MICROS.between(due, clock.instant()));
        }
        maxLatenessMicros = Math.max(maxLatenessMicros, lateness);
        totalLatenessMicros += lateness;
        paced++;
        return lateness;
    }

    /** When the record received at {@code recordMicros} is due (after the first call of {@link #awaitTurn}). */
    Instant due(long recordMicros) {
        long offset = (long) ((recordMicros - originMicros) / speed);
        return originWall.plus(offset, ChronoUnit.MICROS);
    }

    Duration maxLateness() {
        return Duration.of(maxLatenessMicros, ChronoUnit.MICROS);
    }

    Duration meanLateness() {
        return paced == 0 ? Duration.ZERO : Duration.of(totalLatenessMicros / paced, ChronoUnit.MICROS);
    }

    /**
     * A waiter for real time: parks in steps of at most 50 ms until {@code clock} reaches the instant, or
     * until {@code stop} says the replay is to end.
     */
    static Waiter onClock(Clock clock, java.util.function.BooleanSupplier stop) {
        return due -> {
            while (!stop.getAsBoolean()) {
                long nanos = Duration.between(clock.instant(), due).toNanos();
                if (nanos <= 0) {
                    return;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(Math.min(nanos, 50_000_000L));
                if (Thread.interrupted()) {
                    throw new InterruptedException("replay interrupted while waiting for " + due);
                }
            }
        };
    }
}
