package io.pcmsim.tools.cli;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns the end of the JVM (Ctrl-C = SIGINT, SIGTERM, a logout) into a request to the running command
 * to stop, and holds the JVM until the command has stopped and written its result, at most a grace
 * period.
 *
 * <p>Install it when the command starts and {@link #close()} it when the command has written its result
 * (before {@code System.exit}): close lets a waiting hook return and removes the hook, so a normal
 * {@code System.exit} never waits for it. The JVM's own exit code wins when a signal ended it:
 * 128 + signal number (130 for SIGINT, 143 for SIGTERM); {@code System.exit} called meanwhile blocks
 * until the JVM halts, which is harmless because the command has finished by then.
 */
public final class ShutdownRequest implements AutoCloseable {

    private final CompletableFuture<Void> requested = new CompletableFuture<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Duration grace;
    private final Thread hook;

    ShutdownRequest(Duration grace) {
        this.grace = grace;
        this.hook = new Thread(this::onShutdown, "pcmsim-shutdown");
    }

    /** Registers a JVM shutdown hook that requests a stop and waits at most {@code grace} for {@link #close()}. */
    public static ShutdownRequest install(Duration grace) {
        ShutdownRequest request = new ShutdownRequest(grace);
        Runtime.getRuntime().addShutdownHook(request.hook);
        return request;
    }

    /** Completes (normally, on the hook's thread) when the JVM is ending and the command should stop. */
    public CompletableFuture<Void> requested() {
        return requested;
    }

    public boolean isRequested() {
        return requested.isDone();
    }

    /** The hook's work: request the stop, then wait for the command to finish, at most the grace period. */
    void onShutdown() {
        requested.complete(null);
        try {
            finished.await(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The command has finished: a waiting hook returns; the hook is removed unless the JVM is already ending. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ending) {
            // the JVM is shutting down; the hook has just been released
        }
    }
}
