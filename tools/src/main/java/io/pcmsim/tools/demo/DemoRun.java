package io.pcmsim.tools.demo;

import io.pcmsim.backend.Backend;
import io.pcmsim.backend.BackendConfig;
import io.pcmsim.backend.BackendStats;
import io.pcmsim.backend.broker.EmbeddedBroker;
import io.pcmsim.time.SimulatedClock;
import io.pcmsim.tools.cli.StatusLine;
import io.pcmsim.tools.metrics.Metrics;
import io.pcmsim.vehicle.fleet.Fleet;
import io.pcmsim.vehicle.fleet.FleetConfig;
import io.pcmsim.vehicle.fleet.FleetStats;
import io.pcmsim.vehicle.fleet.MqttVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * One demo: embedded broker, backend and fleet in this process, privacy mode toggled for part of
 * the fleet, a status line once per second, and the result at the end. A requested stop (Ctrl-C)
 * ends the run early with the result measured so far, marked interrupted. Everything it starts it
 * stops again, fleet first, then backend, then broker, also when it fails. One run per instance.
 * The backend takes the uplinks inside the broker ({@link Backend#inProcess}), so a car's publish is
 * acknowledged once it is stored and a slow store slows the cars instead of queueing in the broker.
 */
public final class DemoRun {

    private static final Duration STATUS_PERIOD = Duration.ofSeconds(1);
    /**
     * How often the status line counts the needs again: they are derived from every car's newest state (decision
     * 44), tens of milliseconds at thousands of cars, which each second would take from the backend's writer.
     */
    private static final Duration NEEDS_PERIOD = Duration.ofSeconds(10);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration DRAIN_TIMEOUT_WHEN_STOPPED = Duration.ofSeconds(5);

    private final DemoOptions options;
    private final Path dataDir;
    private final StatusLine status;
    private final Clock wall;
    private final CompletableFuture<Void> stop;
    private final PrivacyWindows windows = new PrivacyWindows();
    private final Metrics metrics;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pcmsim-demo-ticker");
        t.setDaemon(true);
        return t;
    });

    private @Nullable EmbeddedBroker broker;
    private @Nullable Backend backend;
    private @Nullable Fleet fleet;
    private @Nullable SimulatedClock clock;
    private @Nullable Instant started;
    private @Nullable BreakdownSchedule breakdowns;
    private @Nullable TripSchedule trips;
    private int campaigns;
    /** The status line's needs count and when it was taken; ticker thread only. */
    private long needs;
    private @Nullable Instant needsAt;

    /**
     * @param dataDir where broker and backend keep their data (the caller creates and removes it)
     * @param stop completes when the run should end early; the run then stops and reports what it has
     */
    DemoRun(DemoOptions options, Path dataDir, StatusLine status, Clock wall, CompletableFuture<Void> stop) {
        this(options, dataDir, status, wall, stop, new Metrics());
    }

    /** @param metrics where broker, backend and fleet are bound as each is created (see {@code --metrics-port}) */
    DemoRun(DemoOptions options, Path dataDir, StatusLine status, Clock wall, CompletableFuture<Void> stop,
            Metrics metrics) {
        this.metrics = metrics;
        this.options = options;
        this.dataDir = dataDir;
        this.status = status;
        this.wall = wall;
        this.stop = stop;
    }

    /**
     * Runs the demo for its duration or until the stop, then stops everything.
     *
     * @return what was measured; {@link DemoResult#interrupted()} when the stop came first
     * @throws DemoFailure when a part did not start, with a sentence for the user
     */
    public DemoResult run() {
        try {
            Instant ended = startAll() ? runUntilDoneOrStopped() : wall.instant();
            ticker.shutdownNow();
            status.finish();
            if (fleet != null) {
                fleet.close();
            }
            if (started != null) {
                awaitDrained();
            }
            return result(ended);
        } finally {
            ticker.shutdownNow();
            status.finish();
            if (fleet != null) {
                fleet.close();
            }
            if (backend != null) {
                backend.close();
            }
            if (broker != null) {
                broker.close();
            }
        }
    }

    /** Starts broker, backend and fleet in that order; false when the stop came first. */
    private boolean startAll() {
        EmbeddedBroker b = EmbeddedBroker.builder()
                .bindAddress(Preflight.BROKER_HOST)
                .port(options.port())
                .dataFolder(dataDir.resolve("broker"))
                .trafficListener((clientId, topic, bytes) -> windows.onPublish(clientId, topic))
                .inProcessIngest()
                .build();
        broker = b;
        metrics.bindBroker(windows::uplinkPublishes);
        CompletableFuture<Void> brokerStarted = b.start();
        if (!await(brokerStarted, START_TIMEOUT, "the embedded MQTT broker did not start on " + Preflight.BROKER_HOST
                + ":" + b.port(), "if the port is in use, choose another --port or 0")) {
            return false;
        }
        SimulatedClock simulated = SimulatedClock.startingAt(wall.instant(), options.speed(), wall);
        clock = simulated;
        String backendFailure = "the backend did not start (its database is in " + dataDir.resolve("backend") + ")";
        String backendAdvice = "";
        try {
            backend = Backend.inProcess(backendConfig(b, simulated), b);
        } catch (IOException | RuntimeException e) {
            throw DemoFailure.of(backendFailure, backendAdvice, e);
        }
        metrics.bind(backend);
        if (!await(backend.start(), START_TIMEOUT, backendFailure, backendAdvice)) {
            return false;
        }
        try {
            fleet = Fleet.create(FleetConfig.builder()
                    .brokerHost(b.host()).brokerPort(b.port())
                    .mqttVersion(options.mqttVersion() == 3 ? MqttVersion.MQTT_3_1_1 : MqttVersion.MQTT_5)
                    .vehicles(options.vehicles())
                    .seed(options.seed())
                    .clock(simulated)
                    .wallClock(wall)
                    .reportInterval(options.reportInterval())
                    .softwareUpdate(DemoCampaigns.policy(backend.softwareUpdate().releasePublicKeyPem(),
                            options.installFailureFraction()))
                    .build());
        } catch (RuntimeException e) {
            throw DemoFailure.of("the fleet could not be set up", "", e);
        }
        metrics.bind(fleet);
        started = wall.instant();
        Duration connectTimeout = Duration.ofSeconds(Math.max(60, options.vehicles() / 20));
        return await(fleet.start(), connectTimeout, "the cars did not all connect to the broker at " + b.host() + ":"
                + b.port(), "try fewer --vehicles");
    }

    /**
     * The backend's default configuration with the data in {@code dataDir/backend}; its H2 database is
     * not closed by H2's own shutdown hook, so a Ctrl-C lets the backend store what is in flight.
     */
    private BackendConfig backendConfig(EmbeddedBroker b, SimulatedClock simulated) throws IOException {
        Path folder = Files.createDirectories(dataDir.resolve("backend"));
        return BackendConfig.builder()
                .brokerHost(b.host()).brokerPort(b.port()).dataDir(folder).clock(simulated)
                .breakdownPullTimeout(pullTimeout()).build();
    }

    /**
     * The backend's pull timeout on the simulated clock: 2 minutes as in real life, or 5 real seconds at the
     * demo's speed when that is longer, so a car's answer is not outrun by simulated time.
     */
    private Duration pullTimeout() {
        Duration realLife = Duration.ofMinutes(2);
        Duration fiveRealSeconds = Duration.ofMillis((long) (5_000 * options.speed()));
        return fiveRealSeconds.compareTo(realLife) > 0 ? fiveRealSeconds : realLife;
    }

    /** Runs the fleet, the status line and the privacy schedule; returns when the run ended. */
    private Instant runUntilDoneOrStopped() {
        Fleet running = fleet;
        Backend runningBackend = backend;
        long periodMs = STATUS_PERIOD.toMillis();
        long[] lastCount = {0};
        ticker.scheduleAtFixedRate(() -> {
            long now = windows.uplinkPublishes();
            status.show(statusText(running.stats(), runningBackend, (now - lastCount[0]) * 1000 / periodMs));
            lastCount[0] = now;
        }, periodMs, periodMs, TimeUnit.MILLISECONDS);

        long durationMs = options.duration().toMillis();
        PrivacySchedule privacy = PrivacySchedule.choose(running.vehicles(), options.privacyVehicles(),
                options.seed(), windows);
        if (!privacy.isEmpty()) {
            ticker.schedule(privacy::on, durationMs / 4, TimeUnit.MILLISECONDS);
            ticker.schedule(privacy::off, durationMs * 3 / 4, TimeUnit.MILLISECONDS);
        }
        campaigns = DemoCampaigns.start(runningBackend.softwareUpdate(), running.vehicles());
        BreakdownSchedule calls = BreakdownSchedule.choose(running.vehicles(), options.breakdownCalls(), options.seed());
        breakdowns = calls;
        calls.start(ticker, durationMs, runningBackend.breakdown());
        TripSchedule driving = TripSchedule.choose(running.vehicles(),
                Duration.ofMillis((long) (durationMs * options.speed())), options.seed());
        trips = driving;
        driving.start(ticker, durationMs);
        CompletableFuture<Void> done = new CompletableFuture<>();
        ticker.schedule(() -> done.complete(null), durationMs, TimeUnit.MILLISECONDS);
        try {
            CompletableFuture.anyOf(done, stop).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.complete(null);
        } catch (ExecutionException e) {
            throw new DemoFailure("the run ended unexpectedly", e.getCause());
        }
        return wall.instant();
    }

    /**
     * Waits for a part to start.
     *
     * @param what the sentence if it does not start, e.g. "the backend did not start"
     * @param advice what to do about it when the cause does not suggest something better
     * @return true when it started, false when the stop came first
     * @throws DemoFailure when it failed or did not start in time
     */
    private boolean await(CompletableFuture<?> start, Duration timeout, String what, String advice) {
        try {
            CompletableFuture.anyOf(start, stop).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw DemoFailure.of(what + " within " + DemoResult.human(timeout), advice, e);
        } catch (ExecutionException e) {
            throw DemoFailure.of(what, advice, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.complete(null);
        }
        return start.isDone() && !start.isCompletedExceptionally();
    }

    private DemoResult result(Instant ended) {
        Duration real = started == null ? Duration.ZERO : Duration.between(started, ended);
        Duration simulated = clock == null ? Duration.ZERO : clock.toSimulated(real);
        return Measurements.collect(options, real, simulated, broker == null ? options.port() : broker.port(),
                fleet, backend, windows, breakdowns, trips, campaigns, stop.isDone());
    }

    private String statusText(FleetStats fleetStats, Backend runningBackend, long perSecond) {
        BackendStats stats = runningBackend.stats();
        Instant now = wall.instant();
        Duration real = Duration.between(started, now);
        if (needsAt == null || !now.isBefore(needsAt.plus(NEEDS_PERIOD))) {
            needs = runningBackend.maintenanceSummary().total();
            needsAt = now;
        }
        return String.format("%5.1fs  sim +%-10s online %d/%d  %5d msg/s  stored %d  rejected %d  needs %d",
                real.toMillis() / 1000.0, DemoResult.human(Duration.ofMillis((long) (real.toMillis() * options.speed()))),
                fleetStats.online(), options.vehicles(), perSecond,
                stats.stored(), stats.rejectedTotal(), needs);
    }

    /**
     * Waits until the backend has handled every uplink message the broker received: at most
     * {@link #DRAIN_TIMEOUT}, or {@link #DRAIN_TIMEOUT_WHEN_STOPPED} once a stop is requested.
     */
    private void awaitDrained() {
        Backend draining = backend;
        Instant from = wall.instant();
        CompletableFuture<Void> drained = new CompletableFuture<>();
        ScheduledExecutorService poll = Executors.newSingleThreadScheduledExecutor();
        try {
            poll.scheduleAtFixedRate(() -> {
                Duration waited = Duration.between(from, wall.instant());
                if (draining.stats().handled() >= windows.uplinkPublishes()
                        || waited.compareTo(stop.isDone() ? DRAIN_TIMEOUT_WHEN_STOPPED : DRAIN_TIMEOUT) > 0) {
                    drained.complete(null);
                }
            }, 0, 50, TimeUnit.MILLISECONDS);
            drained.join();
        } finally {
            poll.shutdownNow();
        }
    }
}
