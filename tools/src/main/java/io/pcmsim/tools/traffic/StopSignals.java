package io.pcmsim.tools.traffic;

import io.pcmsim.tools.cli.ShutdownRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * What ends a listening command ({@code record}, {@code tap}): its work is done (a duration or a message
 * count reached), it failed (with a sentence), or the user asked it to stop (Ctrl-C, SIGTERM). Owns the
 * command's timer thread. Thread-safe.
 */
final class StopSignals implements AutoCloseable {

    /** Exit code after Ctrl-C, as the JVM reports a SIGINT. */
    static final int INTERRUPTED = 130;

    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final CompletableFuture<String> failed = new CompletableFuture<>();
    private final ScheduledExecutorService timer;
    private final long limit;
    private final AtomicLong counted = new AtomicLong();

    /**
     * @param duration done after this long (from now), or null for no time limit
     * @param limit done after this many {@link #count()} calls, 0 for no limit
     */
    StopSignals(String name, @Nullable Duration duration, long limit) {
        ThreadFactory daemon = r -> {
            Thread t = new Thread(r, "pcmsim-" + name + "-timer");
            t.setDaemon(true);
            return t;
        };
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon);
        this.limit = limit;
        if (duration != null) {
            timer.schedule(() -> done.complete(null), duration.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The timer thread, for the command's own periodic work (status line, flushing). */
    ScheduledExecutorService timer() {
        return timer;
    }

    /** One more message handled; done when the limit is reached. */
    void count() {
        if (limit > 0 && counted.incrementAndGet() >= limit) {
            done.complete(null);
        }
    }

    /** The command cannot go on; the first reason wins. */
    void fail(String reason) {
        failed.complete(reason);
    }

    /** True once done or failed: messages arriving now are to be ignored. */
    boolean ended() {
        return done.isDone() || failed.isDone();
    }

    /** Waits until done, failed or the user asked to stop. */
    void await(ShutdownRequest shutdown) throws InterruptedException {
        try {
            CompletableFuture.anyOf(done, failed, shutdown.requested()).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a stop signal failed", e);
        }
    }

    /** The reason of a failure that came before the work was done, or null. */
    @Nullable String failure() {
        return failed.isDone() && !done.isDone() ? failed.getNow(null) : null;
    }

    /** 1 after a failure, 130 when the user stopped it before it was done, else 0. */
    int exitCode(ShutdownRequest shutdown) {
        if (failure() != null) {
            return 1;
        }
        return shutdown.isRequested() && !done.isDone() ? INTERRUPTED : 0;
    }

    /** Stops the timer, waiting briefly for a running task. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
