package io.pcmsim.backend.internal.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task once a day of a {@link Clock}, at the first {@link #tick()} at or after 00:00 UTC, as of the
 * clock's instant then, and earlier when {@link #dueBy} names an earlier instant (the moment the oldest record
 * of a class expires), so nothing outlives its period by more than one tick. The clock may be simulated and run fast: {@link #start()} ticks every {@value
 * #POLL_MILLIS} ms of real time on one daemon thread of its own, so a day that passes in 24 real seconds still
 * gets its run; days that pass between two ticks get one run (a run deletes everything expired as of its
 * instant, so none is missed). Tests call {@link #tick()} themselves.
 */
final class RunSchedule implements AutoCloseable {

    static final long POLL_MILLIS = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(RunSchedule.class);

    private final Clock clock;
    private final Consumer<Instant> task;
    private final AtomicReference<Instant> nextDue;
    private @Nullable ScheduledExecutorService executor;

    /** The first run is due at the midnight after the clock's instant now. */
    RunSchedule(Clock clock, Consumer<Instant> task) {
        this.clock = clock;
        this.task = task;
        this.nextDue = new AtomicReference<>(nextMidnight(clock.instant()));
    }

    static Instant nextMidnight(Instant after) {
        return after.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
    }

    /** When the next run is due. */
    Instant nextDue() {
        return nextDue.get();
    }

    /**
     * Brings the next run forward to {@code instant} when that is earlier than the one due. Takes no lock, so a
     * run started elsewhere may call it while a tick waits for that run to end.
     */
    void dueBy(Instant instant) {
        nextDue.accumulateAndGet(instant, (due, proposed) -> proposed.isBefore(due) ? proposed : due);
    }

    /**
     * Runs the task as of the clock's instant when a run is due (and moves the next to the following midnight).
     *
     * @return whether it ran
     */
    synchronized boolean tick() {
        Instant now = clock.instant();
        if (now.isBefore(nextDue.get())) {
            return false;
        }
        nextDue.set(nextMidnight(now));
        task.accept(now); // may bring the next run forward (dueBy)
        return true;
    }

    /** Ticks every second of real time until {@link #close()}. */
    synchronized void start() {
        if (executor != null) {
            return;
        }
        ScheduledExecutorService e = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pcmsim-backend-retention");
            t.setDaemon(true);
            return t;
        });
        e.scheduleWithFixedDelay(this::tickSafely, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        executor = e;
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            // the next day's run tries again; a failed run is recorded as such when it could be
            LOG.warn("scheduled retention run failed: {}", e.getMessage());
        }
    }

    /** Stops ticking; a run in progress ends after its current batch. Idempotent. */
    @Override
    public void close() {
        ScheduledExecutorService e;
        synchronized (this) {
            e = executor;
            executor = null;
        }
        if (e != null) {
            e.shutdown();
        }
    }
}
