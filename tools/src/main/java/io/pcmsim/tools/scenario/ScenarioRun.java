package io.pcmsim.tools.scenario;

import io.pcmsim.tools.metrics.Metrics;
import io.pcmsim.backend.Backend;
import io.pcmsim.protocol.Service;
import io.pcmsim.time.SimulatedClock;
import io.pcmsim.tools.cli.StatusLine;
import io.pcmsim.tools.demo.PrivacySwitch;
import io.pcmsim.tools.demo.PrivacyWindows;
import io.pcmsim.tools.fleet.BrokerAddress;
import io.pcmsim.tools.fleet.FleetReport;
import io.pcmsim.vehicle.fleet.BrokerTls;
import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import io.pcmsim.vehicle.fleet.Fleet;
import io.pcmsim.vehicle.fleet.FleetConfig;
import io.pcmsim.vehicle.softwareupdate.SoftwareUpdatePolicy;
import org.jspecify.annotations.Nullable;
import io.pcmsim.vehicle.fleet.FleetStats;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * One run of a checked scenario: broker and backend ({@link ScenarioSystem}), the fleet with each group's
 * initial settings, the timeline on simulated time ({@link TimelineDriver}, one thread), a status line once
 * per second (another), and at the end the expectations checked against what was measured. A requested
 * stop (Ctrl-C) ends it early with what was measured so far, marked interrupted. Everything it starts it
 * stops again: fleet, backend, broker. One run per instance.
 */
public final class ScenarioRun {

    private final Metrics metrics;

    private static final Duration TIMELINE_PERIOD = Duration.ofMillis(20);
    private static final Duration STATUS_PERIOD = Duration.ofSeconds(1);
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(20);

    private final Scenario scenario;
    private final Path dataDir;
    private final StatusLine status;
    private final Clock wall;
    private final CompletableFuture<Void> stop;
    private final PrivacyWindows windows = new PrivacyWindows();
    private final ScheduledExecutorService timelineThread = daemon("pcmsim-run-timeline");
    private final ScheduledExecutorService statusThread = daemon("pcmsim-run-status");

    /**
     * @param dataDir where broker and backend keep their data (the caller creates and removes it)
     * @param stop completes when the run should end early; it then stops and reports what it has
     */
    public ScenarioRun(Scenario scenario, Path dataDir, StatusLine status, Clock wall, CompletableFuture<Void> stop) {
        this(scenario, dataDir, status, wall, stop, new Metrics());
    }

    /**
     * As {@link #ScenarioRun(Scenario, Path, StatusLine, Clock, CompletableFuture)}, binding the fleet and the
     * backend the run starts to {@code metrics} (a backend started anew after a broker restart is not bound).
     */
    public ScenarioRun(Scenario scenario, Path dataDir, StatusLine status, Clock wall, CompletableFuture<Void> stop,
            Metrics metrics) {
        this.metrics = metrics;
        this.scenario = scenario;
        this.dataDir = dataDir;
        this.status = status;
        this.wall = wall;
        this.stop = stop;
    }

    /**
     * Runs the scenario to its end (or the stop) and checks its expectations.
     *
     * @throws ScenarioFailure when a part did not start, with a sentence for the user
     */
    public ScenarioResult run() {
        Instant simStart = scenario.start().orElse(wall.instant());
        LateClock backendClock = new LateClock(simStart);
        try (ScenarioSystem system = new ScenarioSystem(scenario, dataDir, backendClock, windows)) {
            BrokerAddress address = system.start();
            Backend started = system.backend();
            if (started != null) {
                metrics.bind(started);
            }
            FreezableTime time = new FreezableTime(wall);
            SimulatedClock clock = SimulatedClock.startingAt(simStart, scenario.speed(), time);
            backendClock.follow(clock);
            try (Fleet fleet = createFleet(address, clock, started)) {
                metrics.bind(fleet);
                return runFleet(system, fleet, clock, time, address);
            }
        } finally {
            timelineThread.shutdownNow();
            statusThread.shutdownNow();
            status.finish();
        }
    }

    private Fleet createFleet(BrokerAddress address, SimulatedClock clock, @Nullable Backend backend) {
        try {
            return Fleet.create(FleetConfig.builder()
                    .brokerHost(address.host()).brokerPort(address.port())
                    .tls(address.tls() ? BrokerTls.defaultTrust() : null)
                    .vehicles(scenario.vehicles()).seed(scenario.seed())
                    .clock(clock).wallClock(wall)
                    .reportInterval(scenario.reportInterval())
                    .softwareUpdate(backend == null ? SoftwareUpdatePolicy.defaults() : SoftwareUpdatePolicy.defaults()
                            .withTrustedKey(SoftwareUpdatePolicy.parseKey(backend.softwareUpdate().releasePublicKeyPem()))
                            .withDecisions(0, 0, 0))
                    .build());
        } catch (RuntimeException e) {
            throw new ScenarioFailure("the fleet could not be set up: " + e.getMessage(), e);
        }
    }

    private ScenarioResult runFleet(ScenarioSystem system, Fleet fleet, SimulatedClock clock, FreezableTime time,
            BrokerAddress address) {
        FleetGroups groups = new FleetGroups(scenario.groups(), fleet.vehicles());
        PrivacySwitch privacy = new PrivacySwitch(windows);
        awaitQuietly(initialSettings(groups, privacy), SETTLE_TIMEOUT);
        Instant started = wall.instant();
        AtomicReference<Instant> allConnected = new AtomicReference<>();
        fleet.start().thenRun(() -> allConnected.set(wall.instant()));
        EventCounter counter = new EventCounter();
        TimelineDriver timeline = new TimelineDriver(scenario.timeline(), groups, privacy, counter, system,
                scenario.seed());
        CompletableFuture<Duration> done = new CompletableFuture<>();
        Instant simStart = clock.instant();
        timelineThread.scheduleAtFixedRate(() -> {
            Duration elapsed = Duration.between(simStart, clock.instant());
            timeline.runDue(elapsed);
            if (elapsed.compareTo(scenario.duration()) >= 0) {
                done.complete(elapsed);
            }
        }, 0, TIMELINE_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        statusThread.scheduleAtFixedRate(() -> status.show(statusText(fleet.stats(), system, timeline, clock, simStart,
                started)), STATUS_PERIOD.toMillis(), STATUS_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        waitFor(done);
        timelineThread.shutdownNow();
        if (scenario.expectations().stream().anyMatch(e -> e instanceof Expectation.AllOnlineAtEnd) && !stop.isDone()) {
            waitUntil(() -> mayBeOnline(groups.all()).stream().allMatch(EmulatedVehicle::online), SETTLE_TIMEOUT);
        }
        Instant ended = wall.instant();
        Duration simulated = done.getNow(Duration.between(simStart, clock.instant()));
        List<EmulatedVehicle> mayBeOnline = mayBeOnline(groups.all());
        List<String> notOnline = mayBeOnline.stream().filter(c -> !c.online()).map(c -> c.vin().value()).toList();
        int onlineAtEnd = fleet.stats().online();
        statusThread.shutdownNow();
        status.finish();
        boolean drainable = scenario.broker().isEmpty() && system.hasBackend();
        time.freeze(); // the cars produce nothing more: what they sent settles before the fleet closes
        if (drainable && !stop.isDone()) { // while the cars are connected, so what is in flight is acknowledged
            settle(fleet);
            waitUntil(() -> system.handled() >= windows.uplinkPublishes(), SETTLE_TIMEOUT);
        }
        fleet.close();
        if (drainable) {
            waitUntil(() -> system.handled() >= windows.uplinkPublishes(), Duration.ofSeconds(5));
        }
        Duration real = Duration.between(started, ended);
        FleetStats atEnd = fleet.stats();
        Map<Service, Long> buffered = fleet.bufferedByService();
        FleetReport.Run run = new FleetReport.Run(address.toString(), "1/1", scenario.seed(), scenario.vehicles(),
                scenario.vehicles(), 0, 0, scenario.speed());
        Instant connectedAt = allConnected.get();
        Duration firstConnects = Duration.between(started, connectedAt != null ? connectedAt : ended);
        FleetReport fleetReport = FleetReport.of(run, real, onlineAtEnd, firstConnects, atEnd, buffered, stop.isDone());
        Optional<ScenarioResult.BackendFigures> backend = system.figures();
        Measured measured = new Measured(windows.receivedWhilePrivate(), windows.offenders(),
                backend.map(ScenarioResult.BackendFigures::stored).orElse(0L),
                backend.map(ScenarioResult.BackendFigures::rejectedTotal).orElse(0L),
                backend.map(ScenarioResult.BackendFigures::needs), backend.map(ScenarioResult.BackendFigures::gaps),
                backend.map(ScenarioResult.BackendFigures::breakdown),
                backend.map(ScenarioResult.BackendFigures::softwareUpdates),
                mayBeOnline.size(), mayBeOnline.size() - notOnline.size(), notOnline.stream().limit(10).toList(),
                backend.map(ScenarioResult.BackendFigures::manual), backend.map(ScenarioResult.BackendFigures::maps));
        return new ScenarioResult(scenario.name(), real, simulated, fleetReport,
                scenario.broker().isEmpty() ? OptionalLong.of(windows.uplinkPublishes()) : OptionalLong.empty(),
                backend, system.restarts(), windows.vehiclesEverPrivate(), windows.receivedWhilePrivate(),
                windows.offenders(), timeline.done(), counter.snapshot(), Expectations.check(scenario.expectations(), measured),
                stop.isDone());
    }

    /** Privacy mode and switched-off services as each group starts; settled before the fleet connects. */
    private CompletableFuture<Void> initialSettings(FleetGroups groups, PrivacySwitch privacy) {
        List<CompletableFuture<Void>> changes = new ArrayList<>();
        for (Group group : scenario.groups()) {
            List<EmulatedVehicle> cars = groups.group(group.name());
            for (int i = 0; i < cars.size(); i++) {
                EmulatedVehicle car = cars.get(i);
                group.disabledGroups().forEach(g -> changes.add(car.setServiceGroup(g, false)));
                group.disabledServices().forEach(s -> changes.add(car.setServiceEnabled(s, false)));
                if (group.startsPrivate(i)) {
                    changes.add(privacy.on(car));
                }
            }
        }
        return CompletableFuture.allOf(changes.toArray(CompletableFuture[]::new));
    }

    /** Cars whose settings allow a service and that are neither away nor in an outage. */
    private static List<EmulatedVehicle> mayBeOnline(List<EmulatedVehicle> cars) {
        return cars.stream().filter(c -> c.settings().anyServiceAllowed() && !c.away() && c.networkAvailable()).toList();
    }

    private String statusText(FleetStats stats, ScenarioSystem system, TimelineDriver timeline, SimulatedClock clock,
            Instant simStart, Instant started) {
        Duration sim = Duration.between(simStart, clock.instant());
        Backend backend = system.backend();
        return String.format("%6.1fs  sim %s/%s  online %d/%d  buffered %d  stored %s  next %s",
                Duration.between(started, wall.instant()).toMillis() / 1000.0, DurationText.of(sim),
                DurationText.of(scenario.duration()), stats.online(), stats.vehicles(), stats.buffered(),
                system.hasBackend() ? (backend == null ? "(broker down)" : String.valueOf(system.stored())) : "-",
                timeline.next().isEmpty() ? "-" : timeline.next());
    }

    private void waitFor(CompletableFuture<Duration> done) {
        try {
            CompletableFuture.anyOf(done, stop).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.complete(null);
        } catch (ExecutionException e) {
            throw new ScenarioFailure("the run ended unexpectedly", e.getCause());
        }
    }

    private void awaitQuietly(CompletableFuture<Void> future, Duration timeout) {
        try {
            CompletableFuture.anyOf(future, stop).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.complete(null);
        } catch (ExecutionException | TimeoutException e) {
            throw new ScenarioFailure("the cars' initial settings did not settle within " + timeout.toSeconds() + " s", e);
        }
    }

    /**
     * Lets every online car settle what it handed to the broker: three rounds, since a publish that failed goes
     * back to the outbox and out again. Gives up quietly after {@link #SETTLE_TIMEOUT} or a stop.
     */
    private void settle(Fleet fleet) {
        for (int round = 0; round < 3 && !stop.isDone(); round++) {
            CompletableFuture<?>[] cars = fleet.vehicles().stream().filter(EmulatedVehicle::online)
                    .map(car -> car.evaluateNow().exceptionally(error -> null)).toArray(CompletableFuture[]::new);
            try {
                CompletableFuture.anyOf(CompletableFuture.allOf(cars), stop).get(SETTLE_TIMEOUT.toMillis(),
                        TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                return;
            }
        }
    }

    /** Polls {@code condition} every 50 ms until it holds, the timeout passes or a stop is requested. */
    private void waitUntil(BooleanSupplier condition, Duration timeout) {
        CompletableFuture<Void> met = new CompletableFuture<>();
        Instant until = wall.instant().plus(timeout);
        ScheduledExecutorService poll = daemon("pcmsim-run-wait");
        try {
            poll.scheduleAtFixedRate(() -> {
                if (condition.getAsBoolean() || wall.instant().isAfter(until)) {
                    met.complete(null);
                }
            }, 0, 50, TimeUnit.MILLISECONDS);
            CompletableFuture.anyOf(met, stop).join();
        } finally {
            poll.shutdownNow();
        }
    }

    private static ScheduledExecutorService daemon(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
