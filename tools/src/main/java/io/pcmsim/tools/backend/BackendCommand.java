package io.pcmsim.tools.backend;

import io.pcmsim.backend.identity.IdentityRegistry;
import io.pcmsim.tools.cli.DurationConverter;
import io.pcmsim.tools.cli.LogLevel;
import io.pcmsim.tools.cli.MetricsOption;
import io.pcmsim.tools.cli.ShutdownRequest;
import io.pcmsim.tools.fleet.BrokerAddress;
import io.pcmsim.tools.metrics.MetricsServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pcmsim backend}: the embedded MQTT broker (unless {@code --broker} names another), the backend and
 * its HTTP API, running until Ctrl-C or SIGTERM.
 */
@Command(
        name = "backend",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        subcommands = RetentionCommand.class,
        description = {
            "Runs the backend with its HTTP API until Ctrl-C: on an embedded MQTT broker of its own, or",
            "subscribed to another broker with --broker. The store is H2 in --data-dir unless --jdbc-url",
            "names another database (PostgreSQL)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "2:bad arguments, or a part could not start (port in use, database unreachable, --metrics-port in use)",
            "130:stopped by Ctrl-C (SIGINT), after a clean shutdown",
            "143:stopped by SIGTERM, after a clean shutdown"})
public final class BackendCommand implements Callable<Integer> {

    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", defaultValue = "1883",
            description = "Port of the embedded MQTT broker; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address the broker and the HTTP API listen on; 0.0.0.0 for every interface"
                    + " (default: ${DEFAULT-VALUE}).")
    private String bind;

    @Option(names = "--http-port", defaultValue = "8080",
            description = "Port of the HTTP API; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int httpPort;

    @Option(names = "--broker", paramLabel = "URL", converter = BrokerAddress.Converter.class,
            description = "Use this MQTT broker (tcp://HOST:PORT) instead of the embedded one; the backend takes"
                    + " the uplinks through a shared subscription, so several backends can share the load.")
    private @Nullable BrokerAddress broker;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "pcmsim-backend",
            description = "Folder for the H2 database and the broker's files, created if missing"
                    + " (default: ${DEFAULT-VALUE} in the current folder).")
    private Path dataDir;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "Store in this database instead of H2, e.g."
                    + " jdbc:postgresql://127.0.0.1:5432/pcmsim?user=pcmsim")
    private @Nullable String jdbcUrl;

    @Option(names = "--writers", paramLabel = "N",
            description = "Writer lanes, 1 to 16: batches stored at the same time, each on a connection of its own,"
                    + " a car always on the same lane (default: 2 with --jdbc-url jdbc:postgresql:..., 1 on H2).")
    private @Nullable Integer writers;

    @Option(names = "--no-auto-enrol", negatable = false,
            description = "Do not enrol unknown VINs at their first login; by default each gets a generated owner"
                    + " and a valid connectivity package, and the log says so.")
    private boolean noAutoEnrol;

    @Mixin
    MetricsOption metricsOption;

    @Option(names = "--breakdown-pull-timeout", paramLabel = "D", defaultValue = "2m",
            converter = DurationConverter.class,
            description = "How long a breakdown call placed in the app waits for the car's answer before its case"
                    + " times out (default: ${DEFAULT-VALUE}).")
    private Duration breakdownPullTimeout;

    @Option(names = "--verbose", description = "Show the libraries' log and technical details of failures.")
    private boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (broker != null && broker.tls()) {
            err.println("pcmsim backend: --broker " + broker + ": the backend connects with tcp:// only so far;"
                    + " use a plain listener of the broker");
            return 2;
        }
        BackendSettings settings;
        try {
            settings = new BackendSettings(bind, port, httpPort, broker, dataDir, jdbcUrl, writers, !noAutoEnrol,
                    breakdownPullTimeout);
        } catch (IllegalArgumentException e) {
            err.println("pcmsim backend: " + e.getMessage());
            return 2;
        }
        try (LogLevel level = LogLevel.forRun(verbose, List.of(IdentityRegistry.ENROLMENT_LOGGER));
             ShutdownRequest shutdown = ShutdownRequest.install(SHUTDOWN_GRACE);
             BackendProcess process = new BackendProcess(settings, Clock.systemUTC())) {
            try {
                process.start();
            } catch (BackendProcess.StartFailure e) {
                err.println("pcmsim backend: " + e.getMessage());
                return 2;
            }
            out.println("pcmsim backend: " + process.describe());
            MetricsOption.Endpoint metrics;
            try {
                metrics = metricsOption.open(out);
            } catch (MetricsServer.StartException e) {
                err.println("pcmsim backend: " + e.getMessage());
                return 2;
            }
            try (metrics) {
                process.bind(metrics.metrics());
                out.println("  Ctrl-C stops it.");
                out.flush();
                shutdown.requested().join();
            }
            out.println("pcmsim backend: stopping; " + process.summary());
            out.flush();
            return 0;
        }
    }
}
