package io.pcmsim.vehicle.internal;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A token bucket for the CONNECTs of one fleet: first connects and reconnects alike ask it for a permit,
 * so a fleet ramps up at most at the configured rate and a broker restart does not meet a reconnect
 * storm. The bucket holds at most a tenth of a second's worth of permits (at least one) and starts full;
 * tokens accrue with the given clock. Waiting tasks run in the order they were submitted: at once when a
 * permit is free (on the submitting thread), otherwise on the fleet's scheduler when the clock says
 * enough time has passed. No thread of its own, no thread per car. Thread-safe.
 */
public final class ConnectThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectThrottle.class);
    /** The scheduler is asked to look again at most this often while tasks wait. */
    private static final long MIN_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final double perSecond;
    private final double burst;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private double tokens;
    private long lastRefillMillis;
    private long granted;
    private boolean timerArmed;

    /**
     * @param perSecond permits per second; 0 for no limit
     * @param clock the time tokens accrue with (the fleet's wall clock)
     * @param scheduler runs the tasks that had to wait
     */
    public ConnectThrottle(double perSecond, Clock clock, ScheduledExecutorService scheduler) {
        if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("connect rate must be 0 (no limit) or a positive number, was " + perSecond);
        }
        this.perSecond = perSecond;
        this.burst = Math.max(1, perSecond / 10);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.tokens = burst;
        this.lastRefillMillis = clock.millis();
    }

    /** Whether every task runs at once. */
    public boolean unlimited() {
        return perSecond == 0;
    }

    /** Permits per second; 0 for no limit. */
    public double perSecond() {
        return perSecond;
    }

    /**
     * Runs {@code task} once a permit is free: at once on this thread when one is, else later on the
     * scheduler. When the scheduler has stopped, waiting tasks run at once (they check themselves
     * whether they are still wanted). The task must be quick and must not block.
     */
    public void submit(Runnable task) {
        Objects.requireNonNull(task, "task");
        if (unlimited()) {
            run(task);
            synchronized (this) {
                granted++;
            }
            return;
        }
        synchronized (this) {
            waiting.add(task);
        }
        release();
    }

    /** Permits handed out so far. */
    public synchronized long granted() {
        return granted;
    }

    /** Tasks waiting for a permit now. */
    public synchronized int waiting() {
        return waiting.size();
    }

    /** Hands the permits the clock allows to waiting tasks, then arms the timer if tasks still wait. */
    void release() {
        List<Runnable> due = new ArrayList<>();
        long waitNanos = -1;
        synchronized (this) {
            refill();
            while (tokens >= 1 && !waiting.isEmpty()) {
                tokens -= 1;
                granted++;
                due.add(waiting.poll());
            }
            if (!waiting.isEmpty() && !timerArmed) {
                timerArmed = true;
                waitNanos = Math.max(MIN_WAIT_NANOS, (long) ((1 - tokens) / perSecond * 1e9));
            }
        }
        due.forEach(ConnectThrottle::run);
        if (waitNanos >= 0) {
            try {
                scheduler.schedule(this::onTimer, waitNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException fleetStopping) {
                runAllNow();
            }
        }
    }

    private void onTimer() {
        synchronized (this) {
            timerArmed = false;
        }
        release();
    }

    private void refill() {
        long now = clock.millis();
        long elapsed = now - lastRefillMillis;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed * perSecond / 1000.0);
            lastRefillMillis = now;
        }
    }

    private void runAllNow() {
        List<Runnable> all;
        synchronized (this) {
            all = new ArrayList<>(waiting);
            waiting.clear();
            timerArmed = false;
        }
        all.forEach(ConnectThrottle::run);
    }

    private static void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("a connect task failed", e);
        }
    }
}
