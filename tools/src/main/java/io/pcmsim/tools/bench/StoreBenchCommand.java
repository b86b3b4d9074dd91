package io.pcmsim.tools.bench;

import io.pcmsim.backend.internal.service.ServiceHandler;
import io.pcmsim.backend.internal.service.UplinkRecord;
import io.pcmsim.backend.internal.session.SessionHandler;
import io.pcmsim.backend.internal.smartservice.MaintenanceRules;
import io.pcmsim.backend.internal.smartservice.SmartServiceHandler;
import io.pcmsim.backend.internal.storage.Database;
import io.pcmsim.backend.internal.storage.StorageException;
import io.pcmsim.backend.internal.storage.UplinkStore;
import io.pcmsim.backend.internal.storage.WriteResult;
import io.pcmsim.tools.cli.TemporaryFolder;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pcmsim bench store}: how long the backend's store takes per message, without MQTT. Writes
 * rounds of realistic messages (a login, then hourly Smart Service reports of cars wearing on the
 * vehicle model) through the store in batches, each round on top of the previous ones, and prints
 * µs per message for each round, and the process's CPU during the writes per message.
 */
@Command(
        name = "store",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Measures the backend store's cost per message (batched JDBC writes, needs derivation).")
public final class StoreBenchCommand implements Callable<Integer> {

    private static final Instant START = Instant.parse("2027-01-01T00:00:00Z");

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

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "Database to write to (default: an H2 file in a temporary folder, removed afterwards).")
    String jdbcUrl;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the fleet (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (vehicles < 1 || messages < 1 || rounds < 1 || batch < 1) {
            spec.commandLine().getErr().println("pcmsim bench store: --vehicles, --messages, --rounds and --batch"
                    + " must be at least 1");
            return 2;
        }
        TemporaryFolder temporary = jdbcUrl == null ? TemporaryFolder.create("pcmsim-bench-") : null;
        Database database = Database.of(jdbcUrl != null ? jdbcUrl : Database.h2Url(temporary.path()));
        try {
            // the services the backend registers (Backend is their composition root; the bench drives the store alone)
            List<ServiceHandler> handlers = List.of(new SessionHandler(), new SmartServiceHandler(MaintenanceRules.defaults()));
            database.migrate(handlers.stream().map(ServiceHandler::migrationLocation).toList());
            RealisticUplinks uplinks = new RealisticUplinks(vehicles, seed, START);
            out.printf("pcmsim bench store: %d vehicles, %d messages per round, batches of %d, %s%n",
                    vehicles, messages, batch, database.redacted());
            long stored = 0;
            try (UplinkStore store = UplinkStore.open(database, handlers, Clock.systemUTC())) {
                for (int round = 1; round <= rounds; round++) {
                    long nanos = 0;
                    long cpu = 0;
                    int written = 0;
                    while (written < messages) {
                        List<UplinkRecord> records = new ArrayList<>(batch);
                        for (int i = 0; i < batch && written < messages; i++, written++) {
                            records.add(uplinks.next());
                        }
                        long cpu0 = processCpuNanos();
                        long t0 = System.nanoTime();
                        WriteResult result = store.write(records);
                        nanos += System.nanoTime() - t0;
                        cpu += processCpuNanos() - cpu0;
                        if (result.duplicates() > 0) {
                            throw new IllegalStateException("the bench wrote " + result.duplicates() + " duplicates");
                        }
                    }
                    stored += written;
                    out.printf("  round %d%s: %.1f µs per message (%,.0f msg/s), %,d rows in uplink_message after it;"
                            + " process CPU during the writes %s%n", round, round == 1 ? " (warm-up)" : "",
                            nanos / 1000.0 / written, written / (nanos / 1e9), stored,
                            processCpuNanos() < 0 ? "unknown" : String.format("%.1f µs per message", cpu / 1000.0 / written));
                    out.flush();
                }
            }
            return 0;
        } catch (StorageException e) {
            spec.commandLine().getErr().println("pcmsim bench store: " + e.getMessage()
                    + (jdbcUrl != null ? "; check --jdbc-url" : ""));
            return 1;
        } finally {
            if (temporary != null) {
                temporary.close();
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
