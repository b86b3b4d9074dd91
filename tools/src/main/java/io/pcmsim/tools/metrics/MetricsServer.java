package io.pcmsim.tools.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@link Metrics#scrape()} at {@code GET /metrics} over HTTP, on the JDK's own server with a fixed
 * pool of {@value #THREADS} daemon threads (no thread per connection). Other paths answer 404, other
 * methods 405. {@link #close()} stops it at once.
 */
public final class MetricsServer implements AutoCloseable {

    /** Scrapes served at once; more wait in the server's queue. */
    static final int THREADS = 2;
    static final String PATH = "/metrics";
    /** The Prometheus text exposition format. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final Metrics metrics;

    private MetricsServer(HttpServer server, ExecutorService executor, Metrics metrics) {
        this.server = server;
        this.executor = executor;
        this.metrics = metrics;
    }

    /**
     * Starts serving on {@code host}:{@code port}; port 0 picks a free one ({@link #port()} says which).
     *
     * @throws StartException when the port is taken or the host is unknown; its message is one sentence
     */
    public static MetricsServer start(Metrics metrics, String host, int port) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 16);
        } catch (BindException e) {
            if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("in use")) {
                throw new StartException("--metrics-port " + port + " is in use on " + host
                        + "; pick another port, or 0 for a free one", e);
            }
            throw new StartException("cannot serve metrics on " + host + ":" + port + " (" + e.getMessage()
                    + "); --metrics-host must be an address of this machine, or 0.0.0.0 for all", e);
        } catch (IOException | RuntimeException e) {
            throw new StartException("cannot serve metrics on " + host + ":" + port + " (" + e.getMessage()
                    + "); check --metrics-host", e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        MetricsServer result = new MetricsServer(server, executor, metrics);
        server.createContext("/", result::handle);
        server.setExecutor(executor);
        server.start();
        return result;
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The address to scrape, e.g. {@code http://127.0.0.1:9400/metrics}. */
    public String url() {
        String host = server.getAddress().getHostString();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + PATH;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!PATH.equals(exchange.getRequestURI().getPath())) {
                reply(exchange, 404, "not found: metrics are at " + PATH + "\n", false);
            } else if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                reply(exchange, 405, "only GET and HEAD\n", false);
            } else {
                exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
                reply(exchange, 200, metrics.scrape(), "HEAD".equals(exchange.getRequestMethod()));
            }
        } catch (RuntimeException e) {
            LOG.warn("metrics scrape failed", e);
            throw e;
        }
    }

    private static void reply(HttpExchange exchange, int status, String body, boolean headOnly) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, headOnly ? -1 : bytes.length);
        if (!headOnly) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "pcmsim-metrics-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Stops listening and ends its threads; idempotent. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** The server did not start: the port is taken, or the host is not an address of this machine. */
    public static final class StartException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StartException(String sentence, Throwable cause) {
            super(sentence, cause);
        }
    }
}
