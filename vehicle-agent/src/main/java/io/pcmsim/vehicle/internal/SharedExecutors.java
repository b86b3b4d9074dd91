package io.pcmsim.vehicle.internal;

import com.hivemq.client.mqtt.MqttClientExecutorConfig;
import io.pcmsim.protocol.Vin;
import io.reactivex.schedulers.Schedulers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The few threads all vehicles of one process share: single-thread "lanes" (a vehicle's logic always runs
 * on the lane its VIN hashes to, so it is serialized without locks and its messages stay in order), one
 * scheduler for every timer (it only hands work to lanes), the Netty event-loop executor and the MQTT
 * client's application scheduler, and, for cars on the Paho client, a pool of reusable threads for its
 * blocking loops (none is started unless a Paho client connects). All threads are daemon threads named
 * {@code pcmsim-<prefix>-...} (a Paho thread carries Paho's name while it runs a client's loop).
 */
public final class SharedExecutors {

    private static final Logger LOG = LoggerFactory.getLogger(SharedExecutors.class);
    private static final long PAHO_IDLE_SECONDS = 10;

    private final List<ExecutorService> lanes;
    private final ScheduledThreadPoolExecutor scheduler;
    private final ExecutorService nettyExecutor;
    private final ExecutorService applicationExecutor;
    private final MqttClientExecutorConfig clientExecutorConfig;
    private final ExecutorService pahoPool;
    private final PahoThreads pahoThreads;

    private SharedExecutors(String prefix, int laneCount, int nettyThreads) {
        if (laneCount < 1 || nettyThreads < 1) {
            throw new IllegalArgumentException("lanes and netty threads must be at least 1, were "
                    + laneCount + " and " + nettyThreads);
        }
        List<ExecutorService> list = new ArrayList<>(laneCount);
        for (int i = 0; i < laneCount; i++) {
            list.add(Executors.newSingleThreadExecutor(factory(prefix + "-lane-" + i)));
        }
        this.lanes = List.copyOf(list);
        this.scheduler = new ScheduledThreadPoolExecutor(1, factory(prefix + "-scheduler"));
        this.scheduler.setRemoveOnCancelPolicy(true);
        this.nettyExecutor = Executors.newCachedThreadPool(factory(prefix + "-netty"));
        // completions the MQTT client hands over after the fleet stopped (a connection that went down while
        // the threads were stopping) are dropped: nobody waits for them any more
        this.applicationExecutor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                factory(prefix + "-mqtt-app"), new ThreadPoolExecutor.DiscardPolicy());
        this.clientExecutorConfig = MqttClientExecutorConfig.builder()
                .nettyExecutor(nettyExecutor)
                .nettyThreads(nettyThreads)
                .applicationScheduler(Schedulers.from(applicationExecutor))
                .build();
        // unbounded: Paho holds three threads per connected client for as long as it is connected
        this.pahoPool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, PAHO_IDLE_SECONDS, TimeUnit.SECONDS,
                new SynchronousQueue<>(), factory(prefix + "-paho"));
        this.pahoThreads = new PahoThreads(pahoPool, scheduler);
    }

    /**
     * @param prefix thread name prefix
     * @param laneCount number of lanes, e.g. the number of cores
     * @param nettyThreads Netty event-loop threads shared by all MQTT clients
     */
    public static SharedExecutors create(String prefix, int laneCount, int nettyThreads) {
        return new SharedExecutors(prefix, laneCount, nettyThreads);
    }

    /** The lane of {@code vin}: always the same one for the same VIN. */
    public ExecutorService laneFor(Vin vin) {
        return lanes.get(Math.floorMod(vin.value().hashCode(), lanes.size()));
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** The executor configuration every MQTT client of this process must use. */
    public MqttClientExecutorConfig clientExecutorConfig() {
        return clientExecutorConfig;
    }

    /**
     * The executor every Paho client of this process must be given: its blocking loops run on a shared
     * pool of reusable threads, its keep-alive timers on {@link #scheduler()}.
     */
    public ScheduledExecutorService pahoExecutor() {
        return pahoThreads;
    }

    /**
     * Stops every thread, waiting up to {@code timeout} for running tasks before interrupting them.
     * Blocks the caller; never call it on one of these threads.
     */
    public void shutdown(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ExecutorService> first = new ArrayList<>(lanes);
        first.add(scheduler);
        // Netty threads end when the last client let go of the event loops; they may still hand
        // completions to the application scheduler, so that one stops last. Paho's loops end when its
        // clients have disconnected.
        for (List<ExecutorService> stage : List.of(first, List.of(nettyExecutor, pahoPool), List.of(applicationExecutor))) {
            stage.forEach(ExecutorService::shutdown);
            for (ExecutorService executor : stage) {
                if (!awaitOrInterrupt(executor, deadline)) {
                    return;
                }
            }
        }
    }

    private static boolean awaitOrInterrupt(ExecutorService executor, long deadline) {
        try {
            long left = Math.max(0, deadline - System.nanoTime());
            if (!executor.awaitTermination(left, TimeUnit.NANOSECONDS)) {
                executor.shutdownNow();
                if (!executor.awaitTermination(1, TimeUnit.SECONDS)) {
                    LOG.warn("executor {} did not stop after interrupt", executor);
                }
            }
            return true;
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static ThreadFactory factory(String name) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "pcmsim-" + name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
