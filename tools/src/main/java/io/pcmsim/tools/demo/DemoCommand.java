package io.pcmsim.tools.demo;

import io.pcmsim.tools.cli.DurationConverter;
import io.pcmsim.tools.cli.LogLevel;
import io.pcmsim.tools.cli.MetricsOption;
import io.pcmsim.tools.cli.ShutdownRequest;
import io.pcmsim.tools.cli.StatusLine;
import io.pcmsim.tools.cli.TemporaryFolder;
import io.pcmsim.tools.metrics.MetricsServer;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pcmsim demo}: embedded broker, backend and a simulated fleet in one process. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs the embedded MQTT broker, the backend and a fleet of emulated cars in one process.",
            "Cars log in with their VINs and send Smart Service reports; the backend stores them and derives "
                    + "maintenance needs. Part of the fleet switches privacy mode on for the middle half of the run: "
                    + "the broker must receive nothing from those cars meanwhile.",
            "Ctrl-C (or SIGTERM) ends the run early: everything is stopped, the summary and the report show what "
                    + "was measured until then (marked interrupted) and temporary folders are removed.",
            "Exit codes: 0 done, 1 failed, 2 bad arguments or a run that cannot start (report path, data folder, "
                    + "file-descriptor limit, port or --metrics-port in use), 3 privacy violation or nothing stored, "
                    + "4 the backend fell behind (messages the broker received were not stored by the end), "
                    + "130 interrupted by Ctrl-C (SIGINT), 143 ended by SIGTERM."
        })
public final class DemoCommand implements Callable<Integer> {

    /** Exit code of a run ended early, as shells report a process ended by SIGINT (128 + 2). */
    static final int INTERRUPTED = 130;
    /** How long the JVM's end waits for an interrupted run to stop and write its result. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--vehicles", defaultValue = "20", description = "Number of cars (default: ${DEFAULT-VALUE}).")
    int vehicles;

    @Option(names = "--duration", defaultValue = "30s", converter = DurationConverter.class,
            description = "Real time to run, e.g. 30s, 2m (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--speed", defaultValue = "3600",
            description = "Simulated seconds per real second; 3600 = one hour per second (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the fleet: same seed, same cars (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--privacy-fraction", defaultValue = "0.2",
            description = "Share of cars in privacy mode for the middle half of the run, 0..1 (default: ${DEFAULT-VALUE}).")
    double privacyFraction;

    @Option(names = "--breakdown-fraction", defaultValue = "0.2",
            description = "Share of cars that make a breakdown call during the run, 0..1; the consents cycle through "
                    + "all four combinations and every third call is placed in the app (default: ${DEFAULT-VALUE}).")
    double breakdownFraction;

    @Option(names = "--install-failure-fraction", defaultValue = "0.1",
            description = "Share of the software update campaign's installs that fail in the cars; a wave whose failed "
                    + "share passes 20 %% halts its campaign (default: ${DEFAULT-VALUE}).")
    double installFailureFraction;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Also write the result as JSON to FILE (its folder must exist).")
    @Nullable Path report;

    @Option(names = "--port", defaultValue = "0", description = "Broker port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--mqtt-version", defaultValue = "5", description = "MQTT version of the cars: 3 or 5 (default: ${DEFAULT-VALUE}).")
    int mqttVersion;

    @Option(names = "--report-interval", defaultValue = "1h", converter = DurationConverter.class,
            description = "Simulated time between periodic Smart Service reports (default: ${DEFAULT-VALUE}).")
    Duration reportInterval;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep broker and backend data in DIR (default: a temporary folder removed at the end).")
    @Nullable Path dataDir;

    @Mixin
    MetricsOption metricsOption;

    @Option(names = "--verbose",
            description = "Show the libraries' log (INFO and up) and, when the run fails, the technical details.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DemoOptions options;
        try {
            options = new DemoOptions(vehicles, duration, speed, seed, privacyFraction, port, mqttVersion,
                    reportInterval, Optional.ofNullable(dataDir), breakdownFraction, installFailureFraction);
        } catch (IllegalArgumentException e) {
            err.println("pcmsim demo: " + e.getMessage());
            return 2;
        }
        Optional<String> problem = Preflight.ofThisProcess().problem(options, report);
        if (problem.isPresent()) {
            err.println("pcmsim demo: " + problem.get());
            return 2;
        }
        try (LogLevel logs = LogLevel.forRun(verbose);
             ShutdownRequest shutdown = ShutdownRequest.install(SHUTDOWN_GRACE)) {
            @Nullable TemporaryFolder temporary;
            try {
                temporary = options.dataDir().isEmpty() ? TemporaryFolder.create("pcmsim-demo-") : null;
            } catch (UncheckedIOException e) {
                return failed(err, "cannot create a temporary folder in " + System.getProperty("java.io.tmpdir")
                        + "; give a --data-dir", e);
            }
            try (TemporaryFolder removedAtTheEnd = temporary) {
                Path data = temporary != null ? temporary.path() : options.dataDir().get();
                return run(options, data, temporary != null, shutdown, out, err);
            }
        }
    }

    private int run(DemoOptions options, Path data, boolean temporary, ShutdownRequest shutdown, PrintWriter out,
                    PrintWriter err) {
        out.printf("pcmsim demo: %d cars for %s at %.0fx (%s simulated), seed %d, %d in privacy mode%n",
                options.vehicles(), DemoResult.human(options.duration()), options.speed(),
                DemoResult.human(Duration.ofMillis((long) (options.duration().toMillis() * options.speed()))),
                options.seed(), options.privacyVehicles());
        out.printf("  data folder %s%s%n", data.toAbsolutePath(), temporary ? " (temporary, removed at the end)" : "");
        out.flush();
        MetricsOption.Endpoint metrics;
        try {
            metrics = metricsOption.open(out);
        } catch (MetricsServer.StartException e) {
            err.println("pcmsim demo: " + e.getMessage());
            return 2;
        }
        try (metrics) {
            DemoResult result;
            try {
                result = new DemoRun(options, data, StatusLine.on(out), Clock.systemUTC(),
                        shutdown.requested(), metrics.metrics()).run();
            } catch (DemoFailure e) {
                return failed(err, e.getMessage(), e);
            } catch (RuntimeException e) {
                return failed(err, "the run stopped because of an unexpected error", e);
            }
            return finish(result, out, err);
        }
    }

    private int failed(PrintWriter err, String sentence, Throwable details) {
        LOG.error("pcmsim demo failed: {}", sentence, details);
        err.println("pcmsim demo failed: " + sentence + (verbose ? "" : " (--verbose shows the details)"));
        err.flush();
        return 1;
    }

    /** Prints the summary, writes the report and decides the exit code. */
    private int finish(DemoResult result, PrintWriter out, PrintWriter err) {
        out.println(result.summary());
        if (report != null) {
            try {
                result.writeJson(report);
                out.println("  report written to " + report.toAbsolutePath());
            } catch (RuntimeException e) {
                LOG.error("report not written", e);
                err.println("pcmsim demo: " + e.getMessage());
                return 1;
            }
        }
        out.flush();
        if (result.messagesReceivedWhilePrivate() > 0) {
            err.println("pcmsim demo: privacy mode was not honoured: " + result.messagesReceivedWhilePrivate()
                    + " messages received from cars while they were private");
        }
        if (result.interrupted()) {
            err.println("pcmsim demo: interrupted; the summary" + (report != null ? " and the report show" : " shows")
                    + " what was measured until then");
            return INTERRUPTED;
        }
        if (result.messagesReceivedWhilePrivate() > 0) {
            return 3;
        }
        if (result.stored() == 0) {
            err.println("pcmsim demo: the backend stored no report; is the broker reachable from the cars?");
            return 3;
        }
        if (result.notHandledByBackend() > 0) {
            err.println("pcmsim demo: the backend fell behind: " + result.notHandledByBackend() + " of "
                    + result.uplinkReceivedByBroker() + " messages the broker received were not stored when the run"
                    + " ended; use fewer --vehicles or a lower --speed (see docs/performance.md)");
            return 4;
        }
        return 0;
    }
}
