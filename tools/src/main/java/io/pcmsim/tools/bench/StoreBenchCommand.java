package io.pcmsim.tools.bench;

import io.pcmsim.backend.BackendConfig;
import io.pcmsim.backend.WriterState;
import io.pcmsim.backend.internal.ingest.ContentLimits;
import io.pcmsim.backend.internal.ingest.InboundMessage;
import io.pcmsim.backend.internal.ingest.IngestCounters;
import io.pcmsim.backend.internal.ingest.UplinkValidator;
import io.pcmsim.backend.internal.ingest.Validation;
import io.pcmsim.backend.internal.ingest.WriterLanes;
import io.pcmsim.backend.internal.service.ServiceHandler;
import io.pcmsim.backend.internal.service.UplinkRecord;
import io.pcmsim.backend.internal.session.SessionHandler;
import io.pcmsim.backend.internal.smartservice.MaintenanceRules;
import io.pcmsim.backend.internal.smartservice.SmartServiceHandler;
import io.pcmsim.backend.internal.storage.Database;
import io.pcmsim.backend.internal.storage.StorageException;
import io.pcmsim.backend.internal.storage.UplinkStore;
import io.pcmsim.protocol.Topics;
import io.pcmsim.tools.cli.TemporaryFolder;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pcmsim bench store}: how long the backend's store takes per message, without MQTT. Hands
 * rounds of realistic messages (a login, then hourly Smart Service reports of cars wearing on the
 * vehicle model), decoded and validated before, to the backend's writer lanes as the backend runs them
 * (batches, one transaction each, acknowledged after the commit), each round on top of the previous
 * ones, and prints µs per message for each round (the round's wall time from the first message queued to
 * the last acknowledged, over its messages), and the process's CPU during the round per message.
 */
@Command(
        name = "store",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Measures the backend store's cost per message (batched JDBC writes, needs derivation).")
public final class StoreBenchCommand implements Callable<Integer> {

    private static final Instant START = Instant.parse("2027-01-01T00:00:00Z");
    /** As the backend's default: the queues are full from the start, so batches fill up anyway. */
    private static final Duration MAX_BATCH_DELAY = BackendConfig.DEFAULT_MAX_BATCH_DELAY;

    @Spec
    CommandSpec spec;

    @Option(names = "--vehicles", defaultValue = "5000", description = "Distinct VINs (default: ${DEFAULT-VALUE}).")
    int vehicles;

    @Option(names = "--messages", defaultValue = "50000", description = "Messages per round (default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--rounds", defaultValue = "3", description = "Rounds; the first warms the JIT up (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--batch", defaultValue = "500", description = "Messages per transaction (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--writers", paramLabel = "N",
            description = "Writer lanes, 1 to 16 (default: as the backend, 2 on PostgreSQL, 1 on H2).")
    Integer writers;

    @Option(names = "--floor",
            description = "Measure the database's floor instead: per batch only the raw messages and the newest states"
                    + " as two JDBC batches and the commit, no needs, no handlers (a yardstick for the store's"
                    + " figures).")
    boolean floor;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "Database to write to (default: an H2 file in a temporary folder, removed afterwards).")
    String jdbcUrl;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the fleet (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (vehicles < 1 || messages < 1 || rounds < 1 || batch < 1
                || writers != null && (writers < 1 || writers > BackendConfig.MAX_WRITERS)) {
            spec.commandLine().getErr().println("pcmsim bench store: --vehicles, --messages, --rounds and --batch"
                    + " must be at least 1, --writers 1 to " + BackendConfig.MAX_WRITERS);
            return 2;
        }
        TemporaryFolder temporary = jdbcUrl == null ? TemporaryFolder.create("pcmsim-bench-") : null;
        String url = jdbcUrl != null ? jdbcUrl : Database.h2Url(temporary.path());
        Database database = Database.of(url);
        int lanes = writers != null ? writers : BackendConfig.defaultWriters(url);
        List<UplinkStore> stores = new ArrayList<>();
        WriterLanes writer = new WriterLanes(lanes, messages, Clock.systemUTC());
        try {
            // the services the backend registers (Backend is their composition root; the bench drives the store alone)
            List<ServiceHandler> handlers = List.of(new SessionHandler(), new SmartServiceHandler(MaintenanceRules.defaults()));
            database.migrate(handlers.stream().map(ServiceHandler::migrationLocation).toList());
            RealisticUplinks uplinks = new RealisticUplinks(vehicles, seed, START);
            if (floor) {
                return floor(out, database, uplinks);
            }
            out.printf("pcmsim bench store: %d vehicles, %d messages per round, batches of %d, %d writer lane%s, %s%n",
                    vehicles, messages, batch, lanes, lanes == 1 ? "" : "s", database.redacted());
            for (int i = 0; i < lanes; i++) {
                stores.add(UplinkStore.open(database, handlers, Clock.systemUTC()));
            }
            IngestCounters counters = new IngestCounters();
            writer.start(stores, new UplinkValidator(ContentLimits.withTimeWindow(
                    BackendConfig.DEFAULT_VEHICLE_TIME_BEHIND, BackendConfig.DEFAULT_VEHICLE_TIME_AHEAD)), counters,
                    batch, MAX_BATCH_DELAY);
            long stored = 0;
            for (int round = 1; round <= rounds; round++) {
                CountDownLatch acknowledged = new CountDownLatch(messages);
                List<InboundMessage> queued = new ArrayList<>(messages);
                for (int i = 0; i < messages; i++) {
                    queued.add(inbound(uplinks.next(), acknowledged::countDown));
                }
                long cpu0 = processCpuNanos();
                long t0 = System.nanoTime();
                queued.forEach(m -> {
                    if (!writer.offer(m)) {
                        throw new IllegalStateException("a writer lane's queue is full");
                    }
                });
                await(acknowledged, writer);
                long nanos = System.nanoTime() - t0;
                long cpu = processCpuNanos() - cpu0;
                if (counters.duplicateCount() > 0 || !counters.rejectedByReason().isEmpty()) {
                    throw new IllegalStateException("the bench wrote " + counters.duplicateCount() + " duplicates and"
                            + " had rejected " + counters.rejectedByReason());
                }
                stored += messages;
                out.printf("  round %d%s: %.1f µs per message (%,.0f msg/s), %,d rows in uplink_message after it;"
                        + " process CPU during the round %s%n", round, round == 1 ? " (warm-up)" : "",
                        nanos / 1000.0 / messages, messages / (nanos / 1e9), stored,
                        cpu0 < 0 ? "unknown" : String.format("%.1f µs per message", cpu / 1000.0 / messages));
                out.flush();
            }
            if (counters.storedCount() != stored) {
                throw new IllegalStateException("stored " + counters.storedCount() + " of " + stored);
            }
            return 0;
        } catch (StorageException e) {
            spec.commandLine().getErr().println("pcmsim bench store: " + e.getMessage()
                    + (jdbcUrl != null ? "; check --jdbc-url" : ""));
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            writer.drain().join();
            stores.forEach(UplinkStore::close);
            if (temporary != null) {
                temporary.close();
            }
        }
    }

    /** {@code --floor}: rounds of batches through {@link StoreFloor} on one connection. */
    private int floor(PrintWriter out, Database database, RealisticUplinks uplinks) {
        out.printf("pcmsim bench store --floor: %d vehicles, %d messages per round, batches of %d, the raw messages"
                + " and the newest states only, %s%n", vehicles, messages, batch, database.redacted());
        try (Connection c = database.connect()) {
            StoreFloor writes = new StoreFloor(c);
            List<UplinkRecord> first = new ArrayList<>();
            for (int i = 0; i < vehicles; i++) {
                first.add(uplinks.next());
            }
            writes.prepare(first.stream().map(r -> r.header().vin().value()).toList());
            writes.write(first);
            long stored = first.size();
            for (int round = 1; round <= rounds; round++) {
                long nanos = 0;
                long cpu = 0;
                for (int written = 0; written < messages; written += batch) {
                    List<UplinkRecord> records = new ArrayList<>(batch);
                    for (int i = 0; i < Math.min(batch, messages - written); i++) {
                        records.add(uplinks.next());
                    }
                    long cpu0 = processCpuNanos();
                    long t0 = System.nanoTime();
                    writes.write(records);
                    nanos += System.nanoTime() - t0;
                    cpu += processCpuNanos() - cpu0;
                }
                stored += messages;
                out.printf("  round %d%s: %.1f µs per message (%,.0f msg/s), %,d rows in uplink_message after it;"
                        + " process CPU during the writes %.1f µs per message%n", round, round == 1 ? " (warm-up)" : "",
                        nanos / 1000.0 / messages, messages / (nanos / 1e9), stored, cpu / 1000.0 / messages);
                out.flush();
            }
            return 0;
        } catch (SQLException e) {
            spec.commandLine().getErr().println("pcmsim bench store --floor: " + e.getMessage());
            return 1;
        }
    }

    /** A message as a source hands it to the writers: decoded and validated on arrival. */
    private static InboundMessage inbound(UplinkRecord r, Runnable acknowledge) {
        return new InboundMessage(Topics.uplink(r.header().vin(), r.service()), r.payload(), r.receivedAt(), false,
                acknowledge, new Validation.Accepted(r.service(), r.header(), r.envelope()));
    }

    /** Waits for every acknowledgement; fails when a lane stopped storing (its error is in the log). */
    private static void await(CountDownLatch acknowledged, WriterLanes writer) throws InterruptedException {
        while (!acknowledged.await(1, TimeUnit.SECONDS)) {
            WriterState state = writer.health().writer();
            if (state == WriterState.FAILED || state == WriterState.STOPPED) {
                throw new IllegalStateException("the writers stopped (" + state + "): "
                        + writer.health().lastError().orElse("see the log"));
            }
        }
    }

    /**
     * CPU time of this whole process so far (all threads), or -1. Summed over the store's writes only, it
     * counts the store and H2's own threads (not the vehicle model that makes the messages, nor PostgreSQL's
     * server): a figure that a busy machine inflates less than wall time.
     */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }
}
