package io.pcmsim.tools.fleet;

import io.pcmsim.tools.cli.JsonFile;
import io.pcmsim.protocol.Service;
import io.pcmsim.vehicle.fleet.AckLatency;
import io.pcmsim.vehicle.fleet.FleetStats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@code pcmsim fleet} run measured, as the table and the JSON report show it. Every count is the
 * cars' own: what they handed to their MQTT clients and what the broker acknowledged.
 *
 * @param run what was run: broker, shard, seed, sizes
 * @param realTime from the start of the fleet to the end of the run
 * @param connectedAtEnd cars connected when the run ended (before they were stopped)
 * @param firstConnects cars that connected at least once
 * @param firstConnectTime from the start until the last car's first connect (or until the end, when
 *     not every car connected)
 * @param messages per service: sent, acknowledged, refused, dropped, buffered, held back by privacy mode
 * @param refusedByReason messages given up, by PUBACK reason code (or unacknowledged in every attempt)
 * @param connectionErrors lost connections and failed connect attempts, by reason
 * @param publishAttemptsLost publish attempts lost with their connection (the messages were resent)
 * @param discardedOnPrivacy buffered messages discarded when their service was switched off
 * @param interrupted the run was ended early by Ctrl-C or SIGTERM
 */
public record FleetReport(
        Run run,
        Duration realTime,
        int connectedAtEnd,
        long firstConnects,
        Duration firstConnectTime,
        long reconnects,
        Map<String, ServiceCounts> messages,
        Map<String, Long> refusedByReason,
        Map<String, Long> connectionErrors,
        long publishAttemptsLost,
        long discardedOnPrivacy,
        Latency latency,
        boolean interrupted) {

    /**
     * @param fleetVehicles cars of the whole fleet ({@code --vehicles})
     * @param vehicles cars of this shard
     * @param privateVehicles cars of this shard in privacy mode from the start (they never connect)
     * @param connectRate the limit on CONNECTs per second, 0 for none
     */
    public record Run(String broker, String shard, long seed, int fleetVehicles, int vehicles, int privateVehicles,
            double connectRate, double speed) {
    }

    /** One service's messages: what happened to the messages the cars produced. */
    public record ServiceCounts(long sent, long acknowledged, long refusedByBroker, long dropped, long buffered,
            long heldBackByPrivacy) {
    }

    /** Acknowledgement latency percentiles, in microseconds. */
    public record Latency(long count, long p50, long p90, long p99, long p999, long max) {

        static Latency of(AckLatency latency) {
            return new Latency(latency.count(), latency.percentileMicros(50), latency.percentileMicros(90),
                    latency.percentileMicros(99), latency.percentileMicros(99.9), latency.maxMicros());
        }
    }

    private static final ServiceCounts NOTHING = new ServiceCounts(0, 0, 0, 0, 0, 0);

    public FleetReport {
        messages = new TreeMap<>(messages);
        refusedByReason = new TreeMap<>(refusedByReason);
        connectionErrors = new TreeMap<>(connectionErrors);
    }

    /**
     * @param atEnd the fleet's counters once it stopped (everything in flight settled)
     * @param buffered messages left in the cars' outboxes, per service
     */
    public static FleetReport of(Run run, Duration realTime, int connectedAtEnd, Duration firstConnectTime, FleetStats atEnd,
            Map<Service, Long> buffered, boolean interrupted) {
        Map<String, ServiceCounts> messages = new TreeMap<>();
        for (Service service : Service.values()) {
            ServiceCounts counts = new ServiceCounts(atEnd.sent().getOrDefault(service, 0L),
                    atEnd.published(service), atEnd.refusedByBroker().getOrDefault(service, 0L),
                    atEnd.dropped().getOrDefault(service, 0L), buffered.getOrDefault(service, 0L),
                    atEnd.suppressed(service));
            if (!counts.equals(NOTHING)) { // services the cars do not use stay out of the table
                messages.put(service.topicName(), counts);
            }
        }
        long refusedByBroker = atEnd.refusedByBroker().values().stream().mapToLong(Long::longValue).sum();
        return new FleetReport(run, realTime, connectedAtEnd, atEnd.connections() - atEnd.reconnects(),
                firstConnectTime, atEnd.reconnects(), messages, atEnd.refused(), atEnd.connectionErrors(),
                Math.max(0, atEnd.publishFailures() - refusedByBroker), atEnd.discardedOnPrivacy(),
                Latency.of(atEnd.ackLatency()), interrupted);
    }

    /** First connects per second: cars that connected once, over the time it took. */
    public double connectRateAchieved() {
        double seconds = firstConnectTime.toNanos() / 1e9;
        return seconds <= 0 ? 0 : firstConnects / seconds;
    }

    public ServiceCounts total() {
        return messages.values().stream().reduce(NOTHING, (a, b) -> new ServiceCounts(
                a.sent + b.sent, a.acknowledged + b.acknowledged, a.refusedByBroker + b.refusedByBroker,
                a.dropped + b.dropped, a.buffered + b.buffered, a.heldBackByPrivacy + b.heldBackByPrivacy));
    }

    /** Connection errors, messages refused by the broker and messages dropped in the cars. */
    public long errors() {
        long connection = connectionErrors.values().stream().mapToLong(Long::longValue).sum();
        return connection + total().refusedByBroker() + total().dropped();
    }

    /** The report as a JSON tree (ordered maps), with the keys documented in the README. */
    public Map<String, Object> toJsonTree() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("interrupted", interrupted);
        root.put("broker", run.broker());
        root.put("shard", run.shard());
        root.put("seed", run.seed());
        root.put("speed", run.speed());
        root.put("realSeconds", seconds(realTime));
        Map<String, Object> cars = new LinkedHashMap<>();
        cars.put("fleet", run.fleetVehicles());
        cars.put("inShard", run.vehicles());
        cars.put("private", run.privateVehicles());
        cars.put("connectedAtEnd", connectedAtEnd);
        root.put("cars", cars);
        Map<String, Object> connects = new LinkedHashMap<>();
        connects.put("first", firstConnects);
        connects.put("seconds", seconds(firstConnectTime));
        connects.put("perSecond", Math.round(connectRateAchieved() * 10) / 10.0);
        connects.put("rateLimit", run.connectRate());
        connects.put("reconnects", reconnects);
        root.put("connects", connects);
        Map<String, Object> published = new LinkedHashMap<>(messages);
        published.put("total", total());
        root.put("messages", published);
        Map<String, Object> latencyMs = new LinkedHashMap<>();
        latencyMs.put("count", latency.count());
        latencyMs.put("p50", millis(latency.p50()));
        latencyMs.put("p90", millis(latency.p90()));
        latencyMs.put("p99", millis(latency.p99()));
        latencyMs.put("p99.9", millis(latency.p999()));
        latencyMs.put("max", millis(latency.max()));
        root.put("ackLatencyMs", latencyMs);
        Map<String, Object> errors = new LinkedHashMap<>();
        errors.put("total", errors());
        errors.put("connection", connectionErrors);
        errors.put("givenUpByReason", refusedByReason);
        errors.put("publishAttemptsLost", publishAttemptsLost);
        errors.put("discardedOnPrivacy", discardedOnPrivacy);
        root.put("errors", errors);
        return root;
    }

    public void writeJson(Path file) {
        JsonFile.write(file, toJsonTree());
    }

    /** The table: several lines, no trailing newline. */
    public String table() {
        StringBuilder s = new StringBuilder();
        s.append(String.format("pcmsim fleet: %d cars%s against %s, %.1f s%s%n", run.vehicles(),
                run.fleetVehicles() == run.vehicles() ? "" : " (shard " + run.shard() + " of " + run.fleetVehicles() + ")",
                run.broker(), seconds(realTime), interrupted ? "; INTERRUPTED, counts until then" : ""));
        s.append(String.format("  connected       %d of %d at the end%s%n", connectedAtEnd,
                run.vehicles() - run.privateVehicles(),
                run.privateVehicles() == 0 ? "" : " (" + run.privateVehicles() + " more in privacy mode, never connecting)"));
        s.append(String.format("  first connects  %d in %.1f s (%.1f per second%s), reconnects %d%n", firstConnects,
                seconds(firstConnectTime), connectRateAchieved(),
                run.connectRate() > 0 ? String.format(", limit %s", number(run.connectRate())) : "", reconnects));
        s.append(String.format("  %-15s %10s %13s %8s %8s %9s %11s%n", "messages", "sent", "acknowledged", "refused",
                "dropped", "buffered", "held back"));
        messages.forEach((service, c) -> s.append(row(service, c)));
        s.append(row("total", total()));
        s.append(String.format("  ack latency     p50 %s  p90 %s  p99 %s  p99.9 %s  max %s  (%d messages)%n",
                ms(latency.p50()), ms(latency.p90()), ms(latency.p99()), ms(latency.p999()), ms(latency.max()),
                latency.count()));
        s.append(String.format("  errors          %d%s", errors(), errors() == 0 && publishAttemptsLost == 0 ? ""
                : String.format("  connection %s  given up %s  attempts lost with a connection (resent) %d",
                        connectionErrors, refusedByReason, publishAttemptsLost)));
        return s.toString();
    }

    private static String row(String name, ServiceCounts c) {
        return String.format("    %-13s %10d %13d %8d %8d %9d %11d%n", name, c.sent(), c.acknowledged(),
                c.refusedByBroker(), c.dropped(), c.buffered(), c.heldBackByPrivacy());
    }

    static String ms(long micros) {
        return micros < 10_000 ? String.format("%.2f ms", micros / 1000.0) : String.format("%.0f ms", micros / 1000.0);
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }

    private static double seconds(Duration d) {
        return Math.round(d.toMillis() / 100.0) / 10.0;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
