package io.pcmsim.backend.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.pcmsim.backend.Backend;
import io.pcmsim.backend.BackendHealth;
import io.pcmsim.backend.BackendStats;
import io.pcmsim.backend.dealer.DealerDirectory;
import io.pcmsim.backend.smartservice.SmartServiceException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backend's HTTP API: a JSON API over a {@link Backend}, served by Javalin on a small Jetty thread
 * pool ({@value #THREADS} threads at most, none per connection). Routes and error bodies are documented
 * in {@code docs/api.md}; every error is {@code {"status": N, "error": "code", "message": "sentence"}}.
 *
 * <p>Lifecycle: {@link #start(String, int)} binds and serves; {@link #close()} stops it.
 */
public final class HttpApi implements AutoCloseable {

    /** Most threads the API's Jetty pool may hold (Jetty's acceptor and selector included). */
    public static final int THREADS = 8;

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    private final Backend backend;
    private final DealerDirectory dealers;
    private @Nullable Javalin server;

    private HttpApi(Backend backend, DealerDirectory dealers) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.dealers = Objects.requireNonNull(dealers, "dealers");
    }

    /** An API over {@code backend} with {@code dealers} as its dealer directory; serves nothing yet. */
    public static HttpApi create(Backend backend, DealerDirectory dealers) {
        return new HttpApi(backend, dealers);
    }

    /**
     * Binds {@code host:port} (port 0: a free port, see {@link #port()}) and serves.
     *
     * @throws IllegalStateException when the port cannot be bound (in use, not permitted), with the
     *     reason; or when already started
     */
    public synchronized HttpApi start(String host, int port) {
        if (server != null) {
            throw new IllegalStateException("the HTTP API is already started");
        }
        Javalin app = Javalin.create(this::configure);
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            app.stop();
            throw new IllegalStateException("cannot serve the HTTP API on " + host + ":" + port + ": "
                    + rootMessage(e), e);
        }
        server = app;
        LOG.info("HTTP API on http://{}:{}", host, app.port());
        return this;
    }

    /** The port served; only after {@link #start}. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("the HTTP API is not started");
        }
        return server.port();
    }

    /** Stops serving; idempotent. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    private void configure(JavalinConfig config) {
        QueuedThreadPool pool = new QueuedThreadPool(THREADS, 2);
        pool.setName("pcmsim-http");
        config.jetty.threadPool = pool;
        config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.defaultContentType = "application/json";
        config.http.prefer405over404 = true;
        config.jsonMapper(new JavalinJackson(new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS),
                false));
        config.routes.get("/health", this::health, ApiRole.PUBLIC);
        new DealerRoutes(dealers).register(config.routes);
        BreakdownRoutes breakdown = new BreakdownRoutes(backend, dealers);
        breakdown.register(config.routes);
        new VehicleRoutes(backend, breakdown::forDealer).register(config.routes);
        new RetentionRoutes(backend.retention(), backend.config().clock()).register(config.routes);
        new SmartServiceRoutes(backend).register(config.routes);
        new ManualRoutes(backend.manual()).register(config.routes);
        new SoftwareUpdateRoutes(backend.softwareUpdate()).register(config.routes);
        new MapUpdateRoutes(backend.mapUpdate()).register(config.routes);
        config.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.error(), e.getMessage()));
        config.routes.exception(SmartServiceException.class, (e, ctx) ->
                error(ctx, SmartServiceRoutes.status(e.kind()), e.code(), e.getMessage()));
        config.routes.exception(HttpResponseException.class, (e, ctx) ->
                error(ctx, e.getStatus(), code(e.getStatus()), message(ctx, e.getStatus(), e.getMessage())));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, 500, "internal-error", "the backend could not answer: " + rootMessage(e));
        });
        for (int status : new int[] {404, 405}) {
            config.routes.error(status, ctx -> {
                if (ctx.result() == null) {
                    error(ctx, status, code(status), message(ctx, status, ""));
                }
            });
        }
    }

    private void health(Context ctx) {
        BackendHealth health = backend.health();
        BackendStats stats = backend.stats();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", health.storing() ? "UP" : "DEGRADED");
        json.put("writer", health.writer().name());
        json.put("since", health.since().toString());
        json.put("lastError", health.lastError().orElse(null));
        json.put("lastErrorAt", health.lastErrorAt().map(Object::toString).orElse(null));
        json.put("stored", stats.stored());
        json.put("rejected", stats.rejectedTotal());
        ctx.status(health.storing() ? 200 : 503).json(json);
    }

    private static void error(Context ctx, int status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", code);
        body.put("message", message);
        ctx.status(status).json(body);
    }

    private static String message(Context ctx, int status, String given) {
        return switch (status) {
            case 404 -> "no route " + ctx.method() + " " + ctx.path() + " (see docs/api.md)";
            case 405 -> ctx.method() + " is not allowed on " + ctx.path();
            default -> given;
        };
    }

    static String code(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 409 -> "conflict";
            case 413 -> "request-too-large";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "internal-error" : "request-failed";
        };
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
