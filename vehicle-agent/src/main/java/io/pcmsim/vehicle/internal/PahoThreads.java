package io.pcmsim.vehicle.internal;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The executor every Paho client of a fleet is given instead of creating its own threads. Paho runs
 * three blocking loops per connected client (socket reader, writer, callback dispatcher) and a short task
 * per connect and disconnect: those go to {@code pool}, whose threads are reused across clients and
 * reconnects and end when idle; its keep-alive timer (else a {@link java.util.Timer} thread per client)
 * goes to the fleet's shared {@code scheduler}. Paho renames the thread that runs its loops; the name is
 * put back when the loop ends. {@link #shutdown()} stops the pool only: the scheduler belongs to the fleet.
 */
final class PahoThreads extends AbstractExecutorService implements ScheduledExecutorService {

    private final ExecutorService pool;
    private final ScheduledExecutorService scheduler;

    PahoThreads(ExecutorService pool, ScheduledExecutorService scheduler) {
        this.pool = pool;
        this.scheduler = scheduler;
    }

    @Override
    public void execute(Runnable command) {
        pool.execute(() -> {
            Thread thread = Thread.currentThread();
            String name = thread.getName();
            try {
                command.run();
            } finally {
                thread.setName(name);
            }
        });
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return scheduler.schedule(command, delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return scheduler.schedule(callable, delay, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return scheduler.scheduleAtFixedRate(command, initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return scheduler.scheduleWithFixedDelay(command, initialDelay, delay, unit);
    }

    @Override
    public void shutdown() {
        pool.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return pool.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return pool.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return pool.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return pool.awaitTermination(timeout, unit);
    }
}
