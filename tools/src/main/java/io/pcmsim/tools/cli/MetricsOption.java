package io.pcmsim.tools.cli;

import io.pcmsim.tools.metrics.Metrics;
import io.pcmsim.tools.metrics.MetricsServer;
import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options {@code --metrics-port P} and {@code --metrics-host HOST} of a command, as a picocli mixin:
 * with them the command serves Prometheus metrics at {@code http://HOST:P/metrics} while it runs (see
 * {@code docs/metrics.md}). A port outside 0..65535 is a usage error; port 0 picks a free port, printed.
 *
 * <p>Wiring it into a command takes three steps: declare the mixin, open it once the parts exist (a port in
 * use is exit code 2 with one sentence), bind the parts the command runs, and close it at the end:
 * <pre>{@code
 * @Mixin MetricsOption metricsOption;
 * ...
 * MetricsOption.Endpoint endpoint;
 * try {
 *     endpoint = metricsOption.open(out);
 * } catch (MetricsServer.StartException e) {
 *     err.println("pcmsim run: " + e.getMessage());
 *     return 2;
 * }
 * try (endpoint) {
 *     endpoint.metrics().bind(fleet).bind(backend);   // whichever parts run in this process
 *     ... the run ...
 * }
 * }</pre>
 * Without {@code --metrics-port} {@link #open} starts no server and binding costs nothing per message.
 */
public final class MetricsOption {

    /** Where the server listens unless {@code --metrics-host} says otherwise: this machine only. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    @Spec(Spec.Target.MIXEE)
    @Nullable CommandSpec command;

    private @Nullable Integer port;

    @Option(names = "--metrics-host", paramLabel = "HOST", defaultValue = DEFAULT_HOST,
            description = "With --metrics-port: the address to listen on; 0.0.0.0 lets other machines scrape "
                    + "(default: ${DEFAULT-VALUE}).")
    String host = DEFAULT_HOST;

    @Option(names = "--metrics-port", paramLabel = "P",
            description = "Serve Prometheus metrics at http://HOST:P/metrics while running; 0 picks a free port "
                    + "(printed). See docs/metrics.md.")
    void port(int value) {
        if (value < 0 || value > 65_535) {
            throw new ParameterException(command == null ? null : command.commandLine(),
                    "--metrics-port must be 0 (any free port) or 1..65535, was " + value);
        }
        this.port = value;
    }

    /** Whether {@code --metrics-port} was given. */
    public boolean enabled() {
        return port != null;
    }

    /**
     * The metrics of this run, served over HTTP when {@code --metrics-port} was given; prints the address to
     * {@code out} then.
     *
     * @throws MetricsServer.StartException when the port is taken or the host unknown; its message is one
     *     sentence for the user
     */
    public Endpoint open(PrintWriter out) {
        Metrics metrics = new Metrics();
        Integer requested = port;
        if (requested == null) {
            return new Endpoint(metrics, null);
        }
        MetricsServer server = MetricsServer.start(metrics, host, requested);
        out.println("  metrics at " + server.url());
        out.flush();
        return new Endpoint(metrics, server);
    }

    /** The metrics of one run and, with {@code --metrics-port}, their server; closing stops the server. */
    public static final class Endpoint implements AutoCloseable {
        private final Metrics metrics;
        private final @Nullable MetricsServer server;

        Endpoint(Metrics metrics, @Nullable MetricsServer server) {
            this.metrics = metrics;
            this.server = server;
        }

        /** What to bind the run's parts to. */
        public Metrics metrics() {
            return metrics;
        }

        /** The port served, or -1 without {@code --metrics-port}. */
        public int port() {
            return server == null ? -1 : server.port();
        }

        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }
}
