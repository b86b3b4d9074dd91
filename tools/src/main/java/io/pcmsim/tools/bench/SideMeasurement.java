package io.pcmsim.tools.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Measures one side of one mode, the same way for the bare clients and the fleet: heap after a full GC,
 * then the load is created and started; connect phase until every client connected or gave up (at most
 * {@code connectTimeout}); a warm-up; a measuring window over which acknowledged publishes are counted;
 * heap after a full GC, threads and load average while still publishing; then everything is stopped.
 */
final class SideMeasurement {

    private final Duration connectTimeout;
    private final Duration warmup;
    private final Duration window;

    SideMeasurement(Duration connectTimeout, Duration warmup, Duration window) {
        this.connectTimeout = connectTimeout;
        this.warmup = warmup;
        this.window = window;
    }

    SideFigures measure(String side, int vehicles, Supplier<BenchLoad> create) throws InterruptedException {
        long heapBefore = JvmProbe.heapUsedAfterFullGc();
        BenchLoad load = create.get();
        try {
            long started = System.nanoTime();
            AtomicLong connectedAt = new AtomicLong();
            CompletableFuture<Void> connects = load.start()
                    .thenRun(() -> connectedAt.compareAndSet(0, System.nanoTime()));
            try {
                connects.get(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                connectedAt.compareAndSet(0, System.nanoTime()); // not every client connected in time; rate over the timeout
            }
            int connected = load.connected();
            double connectSeconds = (connectedAt.get() - started) / 1e9;
            pause(warmup);
            long ackBefore = load.acknowledged();
            long windowStart = System.nanoTime();
            pause(window);
            long acknowledged = load.acknowledged() - ackBefore;
            double windowSeconds = (System.nanoTime() - windowStart) / 1e9;
            int threads = JvmProbe.threads();
            double loadAverage = JvmProbe.loadAverage();
            long heapAfter = JvmProbe.heapUsedAfterFullGc();
            long errors = load.errors();
            stop(load);
            return new SideFigures(side, vehicles, connected, connectSeconds,
                    connectSeconds > 0 ? connected / connectSeconds : 0, heapBefore, heapAfter,
                    connected > 0 ? (heapAfter - heapBefore) / (double) connected : 0, acknowledged, windowSeconds,
                    acknowledged / windowSeconds, errors, threads, loadAverage, JvmProbe.openFiles());
        } finally {
            stop(load);
        }
    }

    private static void stop(BenchLoad load) throws InterruptedException {
        try {
            load.stop().get(90, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // stop() is idempotent and best effort here; the next side starts with what is left
        }
    }

    /** Waits {@code length} without holding any lock (no sleep loop: one delayed completion). */
    static void pause(Duration length) throws InterruptedException {
        try {
            CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(length.toMillis(),
                    TimeUnit.MILLISECONDS)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
