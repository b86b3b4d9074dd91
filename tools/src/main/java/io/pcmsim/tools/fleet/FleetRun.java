package io.pcmsim.tools.fleet;

import io.pcmsim.protocol.Service;
import io.pcmsim.tools.cli.StatusLine;
import io.pcmsim.vehicle.fleet.AckLatency;
import io.pcmsim.vehicle.fleet.Fleet;
import io.pcmsim.vehicle.fleet.FleetConfig;
import io.pcmsim.vehicle.fleet.FleetStats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * One {@code pcmsim fleet} run: checks that the broker is reachable, starts the fleet, shows a status
 * line once per second, and at the end (its duration, a requested stop, or a broker that refuses every
 * car) stops the fleet and reports what it measured. One run per instance.
 */
final class FleetRun {

    private static final Duration STATUS_PERIOD = Duration.ofSeconds(1);
    private static final Duration REACH_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    /** Failed attempts without a single connection after which the broker counts as refusing every car. */
    private static final int REFUSALS_BEFORE_GIVING_UP = 3;

    private final FleetConfig config;
    private final BrokerAddress broker;
    private final @Nullable Duration duration;
    private final StatusLine status;
    private final Clock wall;
    private final CompletableFuture<Void> stop;
    /** Completes with the failure when the broker let no car in. */
    private final CompletableFuture<FleetFailure> failed = new CompletableFuture<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pcmsim-fleet-status");
        t.setDaemon(true);
        return t;
    });
    private volatile @Nullable Instant allConnectedAt;

    /**
     * @param duration real time to run; null: until {@code stop}
     * @param stop completes when the run should end early (Ctrl-C); it then reports what it has
     */
    FleetRun(FleetConfig config, BrokerAddress broker, @Nullable Duration duration, StatusLine status, Clock wall,
            CompletableFuture<Void> stop) {
        this.config = config;
        this.broker = broker;
        this.duration = duration;
        this.status = status;
        this.wall = wall;
        this.stop = stop;
    }

    /**
     * Says why the broker cannot be reached over TCP (no TLS, no MQTT yet), or empty when it can.
     */
    static Optional<String> unreachable(BrokerAddress broker, Duration timeout) {
        return broker.unreachable(timeout);
    }

    /**
     * Runs the fleet until its duration, a stop request, or a broker that refuses every car.
     *
     * @throws FleetFailure when the broker is unreachable or refuses every car
     */
    FleetReport run(Fleet fleet) {
        Optional<String> problem = unreachable(broker, REACH_TIMEOUT);
        if (problem.isPresent()) {
            fleet.close();
            throw new FleetFailure(problem.get());
        }
        int private0 = privateCars(config);
        Instant started = wall.instant();
        fleet.start().whenComplete((ok, error) -> {
            if (error == null) {
                allConnectedAt = wall.instant();
            }
        });
        FleetStats before;
        try {
            watch(fleet, started, fleet.vehicles().size() - private0);
            waitForTheEnd();
            before = fleet.stats();
        } finally {
            ticker.shutdownNow();
            status.finish();
        }
        Instant ended = wall.instant();
        try {
            fleet.stop().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new FleetFailure("the cars did not stop within " + STOP_TIMEOUT.toSeconds() + " s", e);
        }
        FleetFailure failure = failed.getNow(null);
        if (failure != null) {
            throw failure;
        }
        Map<Service, Long> buffered = fleet.bufferedByService();
        Instant connectedAt = allConnectedAt;
        Duration firstConnectTime = Duration.between(started, connectedAt != null && connectedAt.isBefore(ended)
                ? connectedAt : ended);
        FleetReport.Run run = new FleetReport.Run(broker.toString(), config.shard().toString(), config.seed(),
                config.vehicles(), fleet.vehicles().size(), private0, config.connectRate(), config.clock().speed());
        return FleetReport.of(run, Duration.between(started, ended), before.online(), firstConnectTime,
                fleet.stats(), buffered, stop.isDone());
    }

    /** Cars of this process's shard that start in privacy mode. */
    static int privateCars(FleetConfig config) {
        return (int) IntStream.range(0, config.vehicles())
                .filter(i -> config.shard().includes(i) && config.startsPrivate(i)).count();
    }

    /** The status line once per second, and the check for a broker that refuses every car. */
    private void watch(Fleet fleet, Instant started, int expectedOnline) {
        long[] lastAcknowledged = {0};
        AckLatency[] lastLatency = {AckLatency.empty()};
        Instant[] lastLine = {started};
        ticker.scheduleAtFixedRate(() -> {
            FleetStats stats = fleet.stats();
            Instant now = wall.instant();
            double seconds = Math.max(1e-3, Duration.between(lastLine[0], now).toNanos() / 1e9);
            AckLatency interval = stats.ackLatency().since(lastLatency[0]);
            long acknowledged = stats.totalPublished();
            status.show(statusText(Duration.between(started, now), stats, expectedOnline,
                    (acknowledged - lastAcknowledged[0]) / seconds, interval));
            lastAcknowledged[0] = acknowledged;
            lastLatency[0] = stats.ackLatency();
            lastLine[0] = now;
            checkRefusedEveryCar(stats, expectedOnline);
        }, STATUS_PERIOD.toMillis(), STATUS_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void checkRefusedEveryCar(FleetStats stats, int expectedOnline) {
        if (expectedOnline == 0 || stats.connections() > 0
                || stats.totalConnectionErrors() < Math.min(REFUSALS_BEFORE_GIVING_UP, expectedOnline)) {
            return;
        }
        String reason = stats.connectionErrors().entrySet().stream().max(Comparator.comparing(Map.Entry::getValue))
                .map(Map.Entry::getKey).orElse("unknown");
        failed.complete(new FleetFailure("the broker at " + broker + " let no car in (" + reason + ", "
                + stats.totalConnectionErrors() + " attempts); " + advice(reason)));
    }

    private static String advice(String reason) {
        if (reason.contains("BAD_USER_NAME_OR_PASSWORD") || reason.contains("NOT_AUTHORIZED")) {
            return "check --username, --password-file or --credentials-file";
        }
        if (reason.contains("TLS")) {
            return "check that the broker speaks TLS there and that its certificate is trusted (--ca-file)";
        }
        return "check that an MQTT broker listens at that address (tcp:// for plain MQTT, ssl:// for TLS)";
    }

    static String statusText(Duration elapsed, FleetStats stats, int expectedOnline, double perSecond,
            AckLatency interval) {
        return String.format("%6.1fs  connected %d/%d  connecting %d  %6.0f msg/s  ack p50 %s p99 %s  errors %d",
                elapsed.toMillis() / 1000.0, stats.online(), expectedOnline, stats.connecting(), perSecond,
                interval.count() == 0 ? "-" : FleetReport.ms(interval.percentileMicros(50)),
                interval.count() == 0 ? "-" : FleetReport.ms(interval.percentileMicros(99)),
                stats.totalConnectionErrors() + stats.refusedByBroker().values().stream().mapToLong(Long::longValue).sum()
                        + stats.dropped().values().stream().mapToLong(Long::longValue).sum());
    }

    private void waitForTheEnd() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (duration != null) {
            ticker.schedule(() -> done.complete(null), duration.toMillis(), TimeUnit.MILLISECONDS);
        }
        try {
            CompletableFuture.anyOf(done, stop, failed).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.complete(null);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a run's end never fails", e);
        }
    }
}
