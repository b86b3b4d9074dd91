package io.pcmsim.tools.backend;

import io.pcmsim.backend.Backend;
import io.pcmsim.backend.BackendConfig;
import io.pcmsim.backend.BackendStats;
import io.pcmsim.backend.broker.EmbeddedBroker;
import io.pcmsim.backend.dealer.DealerDirectory;
import io.pcmsim.backend.http.HttpApi;
import io.pcmsim.tools.metrics.Metrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The parts {@code pcmsim backend} runs: the embedded broker (unless another broker is named), the backend
 * and its HTTP API. {@link #start()} starts them in that order; {@link #close()} stops them in reverse.
 */
final class BackendProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final BackendSettings settings;
    private final Clock clock;
    private @Nullable EmbeddedBroker broker;
    private @Nullable Backend backend;
    private @Nullable HttpApi api;

    BackendProcess(BackendSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** A part could not start; the message says which and why, in one sentence. */
    static final class StartFailure extends Exception {
        StartFailure(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    void start() throws StartFailure {
        Path data = settings.dataDir().toAbsolutePath().normalize();
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new StartFailure("cannot use --data-dir " + data + ": " + e.getMessage(), e);
        }
        BackendConfig.Builder config = BackendConfig.builder().dataDir(data.resolve("backend")).clock(clock)
                .autoEnrol(settings.autoEnrol())
                .breakdownPullTimeout(settings.breakdownPullTimeout());
        if (settings.jdbcUrl() != null) {
            config.jdbcUrl(settings.jdbcUrl());
        }
        if (settings.writers() != null) {
            config.writers(settings.writers());
        }
        if (settings.broker() == null) {
            EmbeddedBroker b = EmbeddedBroker.builder().bindAddress(settings.bind()).port(settings.brokerPort())
                    .dataFolder(data.resolve("broker")).inProcessIngest().build();
            broker = b;
            await(b.start(), "the embedded MQTT broker did not start on " + settings.bind() + ":"
                    + settings.brokerPort() + " (is the port in use? choose another --port, or 0)");
            config.brokerHost(b.host()).brokerPort(b.port());
        } else {
            config.brokerHost(settings.broker().host()).brokerPort(settings.broker().port());
        }
        String failure = "the backend did not start (store: " + storeName() + ")";
        Backend started;
        try {
            started = broker != null ? Backend.inProcess(config.build(), broker) : Backend.create(config.build());
        } catch (RuntimeException e) {
            throw new StartFailure(failure + ": " + e.getMessage(), e);
        }
        backend = started;
        await(started.start(), failure);
        try {
            api = HttpApi.create(started, DealerDirectory.sample()).start(settings.bind(), settings.httpPort());
        } catch (IllegalStateException e) {
            throw new StartFailure(e.getMessage() + " (choose another --http-port, or 0)", e);
        }
    }

    /** Binds the running backend's counters to {@code metrics}; after {@link #start()}. */
    void bind(Metrics metrics) {
        if (backend != null) {
            metrics.bind(backend);
        }
    }

    /** Where each part listens and stores, in one line. */
    String describe() {
        String mqtt = broker != null ? "embedded MQTT broker on tcp://" + broker.host() + ":" + broker.port()
                : "MQTT broker " + settings.broker();
        int httpPort = api == null ? settings.httpPort() : api.port();
        return mqtt + ", HTTP API on http://" + settings.bind() + ":" + httpPort + ", store " + storeName();
    }

    /** What the backend stored and rejected so far. */
    String summary() {
        if (backend == null) {
            return "nothing stored";
        }
        BackendStats stats = backend.stats();
        return "stored " + stats.stored() + ", duplicates " + stats.duplicates() + ", rejected "
                + stats.rejectedTotal();
    }

    private String storeName() {
        return settings.jdbcUrl() != null ? redact(settings.jdbcUrl())
                : "H2 in " + settings.dataDir().toAbsolutePath().normalize().resolve("backend");
    }

    /** The JDBC URL without a password, for the console. */
    static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static void await(CompletableFuture<Void> start, String failure) throws StartFailure {
        try {
            start.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new StartFailure(failure + ": " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new StartFailure(failure + " within " + START_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartFailure(failure + ": interrupted", e);
        }
    }

    @Override
    public void close() {
        if (api != null) {
            api.close();
        }
        if (backend != null) {
            backend.close();
        }
        if (broker != null) {
            broker.close();
        }
    }
}
