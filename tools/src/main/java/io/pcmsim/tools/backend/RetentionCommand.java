package io.pcmsim.tools.backend;

import io.pcmsim.backend.Backend;
import io.pcmsim.backend.BackendConfig;
import io.pcmsim.backend.retention.ClassDeletion;
import io.pcmsim.backend.retention.Retention;
import io.pcmsim.backend.retention.RetentionRun;
import io.pcmsim.backend.retention.RetentionTrigger;
import io.pcmsim.tools.cli.LogLevel;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pcmsim backend retention --now DATE}: opens the backend's store (without a broker), runs the retention
 * job once as of DATE, prints per data class what it deleted and why, and ends.
 */
@Command(
        name = "retention",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs the retention job once on the backend's store as of --now: deletes each data class's records",
            "received at or before --now minus the class's period, records the run (triggered by CLI) and prints",
            "per class what was deleted and why. Not while pcmsim backend runs on the same H2 --data-dir (H2",
            "allows one process); use POST /api/v1/operator/retention-runs then."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the run completed",
            "1:the run failed part way (what was deleted before stays deleted; the message says why)",
            "2:bad arguments, or the store cannot be opened"})
public final class RetentionCommand implements Callable<Integer> {

    private static final String NAME = "pcmsim backend retention: ";

    @Spec
    private CommandSpec spec;

    @Option(names = "--now", required = true, paramLabel = "DATE",
            description = "Delete as of this instant: an ISO date (2027-01-08, its 00:00 UTC) or instant"
                    + " (2027-01-08T00:00:00Z).")
    private String now;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "The --data-dir of pcmsim backend, whose H2 store is used (default: pcmsim-backend in the"
                    + " current folder).")
    private @Nullable Path dataDir;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "The --jdbc-url of pcmsim backend (PostgreSQL), instead of --data-dir.")
    private @Nullable String jdbcUrl;

    @Option(names = "--verbose", description = "Show the libraries' log and technical details of failures.")
    private boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Instant asOf;
        try {
            asOf = Retention.asOf(now);
        } catch (IllegalArgumentException e) {
            err.println(NAME + "--now " + e.getMessage());
            return 2;
        }
        if (dataDir != null && jdbcUrl != null) {
            err.println(NAME + "give --data-dir or --jdbc-url, not both");
            return 2;
        }
        Path data = (dataDir == null ? Path.of("pcmsim-backend") : dataDir).toAbsolutePath().normalize();
        BackendConfig.Builder config = BackendConfig.builder().dataDir(data.resolve("backend")).clock(Clock.systemUTC());
        String store;
        if (jdbcUrl != null) {
            config.jdbcUrl(jdbcUrl);
            store = BackendProcess.redact(jdbcUrl);
        } else {
            store = "H2 in " + data.resolve("backend");
            if (!Files.isRegularFile(data.resolve("backend").resolve("backend.mv.db"))) {
                err.println(NAME + "no backend store in " + data + " (no backend/backend.mv.db there); give the"
                        + " --data-dir pcmsim backend ran with, or its --jdbc-url");
                return 2;
            }
        }
        RetentionRun run;
        try (LogLevel level = LogLevel.forRun(verbose);
             Backend backend = Backend.create(config.build())) {
            run = backend.retention().run(asOf, RetentionTrigger.CLI);
        } catch (RuntimeException e) {
            err.println(NAME + "cannot run on the store (" + store + "): " + e.getMessage());
            return 2;
        }
        out.println(NAME + "run " + run.id() + " as of " + run.asOf() + ", store " + store);
        for (ClassDeletion c : run.classes()) {
            out.printf("  %-14s keep %-5s cutoff %s  deleted %d%s%n", c.dataClass(), c.keep(), c.cutoff(), c.deleted(),
                    tables(c));
            out.println("    why: " + c.rationale());
        }
        if (run.outcome() == RetentionRun.Outcome.FAILED) {
            err.println(NAME + "the run failed after deleting " + run.deleted() + " rows: " + run.error().orElse(""));
            return 1;
        }
        out.println("  deleted " + run.deleted() + " rows in all");
        return 0;
    }

    private static String tables(ClassDeletion c) {
        StringJoiner tables = new StringJoiner(", ", " (", ")");
        c.byTable().forEach((table, rows) -> {
            if (rows > 0) {
                tables.add(table + " " + rows);
            }
        });
        return c.deleted() == 0 ? "" : tables.toString();
    }
}
