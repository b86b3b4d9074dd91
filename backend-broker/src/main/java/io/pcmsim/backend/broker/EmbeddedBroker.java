package io.pcmsim.backend.broker;

import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.embedded.EmbeddedHiveMQBuilder;
import com.hivemq.extension.sdk.api.ExtensionMain;
import io.pcmsim.backend.internal.broker.BrokerConfigXml;
import io.pcmsim.backend.internal.broker.Folders;
import io.pcmsim.backend.internal.broker.BrokerExtension;
import io.pcmsim.backend.internal.broker.UplinkIntake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MQTT 5 broker (HiveMQ Community Edition, embedded) in this process, for the zero-setup default
 * and for tests. Every client may connect; the built-in {@link TopicPolicy} keeps the map traffic apart from
 * the cars' identities; every inbound PUBLISH is reported to the optional
 * {@link BrokerTrafficListener}. Built with {@link Builder#inProcessIngest()}, it lets a backend in the same
 * process take the cars' uplinks directly ({@code Backend.inProcess}), acknowledging each to its car only
 * once it is stored.
 *
 * <p>Life cycle: {@link #start()} and {@link #stop()} are idempotent and thread-safe; a stopped broker
 * cannot be started again (build a new one). Starting takes about 1.5 s, stopping about 4 s. Do not
 * put a started broker in a try-with-resources block unless the block is meant to end its life.
 *
 * <pre>{@code
 * EmbeddedBroker broker = EmbeddedBroker.builder().port(0).build();
 * broker.start().get(60, TimeUnit.SECONDS);   // BrokerStartException as cause if it did not start
 * ... broker.url() ...
 * broker.close();
 * }</pre>
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final long CLOSE_TIMEOUT_SECONDS = 60;
    /** How long the broker holds an uplink for an in-process backend before refusing it. */
    public static final Duration DEFAULT_STORE_TIMEOUT = Duration.ofMinutes(5);

    private final String host;
    private final int requestedPort;
    private final @Nullable Path dataFolder;
    private final @Nullable BrokerTrafficListener listener;
    private final @Nullable ExtensionMain extension;
    private final @Nullable UplinkIntake intake;
    private final boolean topicPolicy;

    private final Object lock = new Object();
    private @Nullable CompletableFuture<Void> started;
    private @Nullable CompletableFuture<Void> stopped;
    private @Nullable EmbeddedHiveMQ hivemq;
    private @Nullable Path home;
    private volatile int port = -1;

    private EmbeddedBroker(Builder builder) {
        this.host = builder.host;
        this.requestedPort = builder.port;
        this.dataFolder = builder.dataFolder;
        this.listener = builder.listener;
        this.extension = builder.extension;
        this.intake = builder.storeTimeout == null ? null : new UplinkIntake(builder.storeTimeout);
        this.topicPolicy = builder.topicPolicy;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Writes the configuration and starts the broker. Idempotent: later calls return the same outcome.
     *
     * @return completes when the TCP listener accepts connections; completes exceptionally with a
     *         {@link BrokerStartException} (naming host and port, with the cause) if the broker did not
     *         start, or with {@link IllegalStateException} if the broker was already stopped
     */
    public CompletableFuture<Void> start() {
        synchronized (lock) {
            if (stopped != null) {
                return CompletableFuture.failedFuture(new IllegalStateException(
                        "broker on " + host + ":" + port + " was stopped; build a new EmbeddedBroker"));
            }
            if (started == null) {
                started = launch();
            }
            return started.copy();
        }
    }

    private CompletableFuture<Void> launch() {
        CompletableFuture<Void> result = new CompletableFuture<>();
        try {
            port = requestedPort == 0 ? freePort(host) : requestedPort;
            home = Files.createTempDirectory("pcmsim-broker-");
            Path conf = home.resolve("conf");
            Path extensions = Files.createDirectories(home.resolve("extensions"));
            Path data = dataFolder != null ? Files.createDirectories(dataFolder) : home.resolve("data");
            BrokerConfigXml.write(conf, host, port);
            EmbeddedHiveMQBuilder b = EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(conf)
                    .withDataFolder(data)
                    .withExtensionsFolder(extensions)
                    // keep the application's logging configuration (HiveMQ would install its own)
                    .withoutLoggingBootstrap();
            if (listener != null || intake != null || extension != null || topicPolicy) {
                b.withEmbeddedExtension(BrokerExtension.embedded(listener, intake, extension, topicPolicy));
            }
            hivemq = b.build();
            hivemq.start().whenComplete((v, error) -> {
                if (error != null) {
                    result.completeExceptionally(new BrokerStartException(
                            "HiveMQ CE did not start on " + host + ":" + port + ": " + describe(error), error));
                } else {
                    checkListening(result);
                }
            });
        } catch (IOException | RuntimeException e) {
            result.completeExceptionally(new BrokerStartException(
                    "HiveMQ CE could not be prepared on " + host + ":" + port + ": " + e.getMessage(), e));
        }
        return result;
    }

    private void checkListening(CompletableFuture<Void> result) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2_000);
            LOG.info("embedded MQTT broker listening on {}", url());
            result.complete(null);
        } catch (IOException e) {
            result.completeExceptionally(new BrokerStartException("HiveMQ CE reported started, but nothing accepts"
                    + " connections on " + host + ":" + port + " (port taken by another process?)", e));
        }
    }

    /**
     * Stops the broker, disconnecting every client, and deletes the temporary folders (and the data
     * folder when none was given). Idempotent; waits for a start in progress first.
     */
    public CompletableFuture<Void> stop() {
        synchronized (lock) {
            if (stopped == null) {
                stopped = shutDown(started == null ? CompletableFuture.completedFuture(null) : started);
            }
            return stopped.copy();
        }
    }

    private CompletableFuture<Void> shutDown(CompletableFuture<Void> afterStart) {
        EmbeddedHiveMQ broker = hivemq;
        Path folder = home;
        CompletableFuture<Void> result = new CompletableFuture<>();
        afterStart.handle((v, e) -> null).thenRun(() -> {
            Thread t = new Thread(() -> {
                try {
                    if (broker != null) {
                        broker.close(); // stop + release HiveMQ's own state-change thread
                    }
                    if (folder != null) {
                        Folders.deleteRecursively(folder);
                    }
                    result.complete(null);
                } catch (ExecutionException | RuntimeException e) {
                    result.completeExceptionally(new IllegalStateException(
                            "HiveMQ CE on " + host + ":" + port + " did not stop cleanly: " + e.getMessage(), e));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    result.completeExceptionally(e);
                }
            }, "pcmsim-broker-stop");
            t.setDaemon(true);
            t.start();
        });
        return result;
    }

    /** Stops the broker and waits (at most a minute) until it has stopped. Never throws a checked exception. */
    @Override
    public void close() {
        try {
            stop().get(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("embedded broker on {}:{} did not stop cleanly", host, port, e);
        }
    }

    /** The bound TCP port; the picked one when the builder asked for port 0 (known once start() was called). */
    public int port() {
        if (port < 0) {
            throw new IllegalStateException("port is known once start() was called (requested port "
                    + requestedPort + ")");
        }
        return port;
    }

    /** The bind address, e.g. {@code 127.0.0.1}. */
    public String host() {
        return host;
    }

    /** {@code tcp://host:port}. */
    public String url() {
        return "tcp://" + host + ":" + port();
    }

    /** The data folder given to the builder, if any. */
    public Optional<Path> dataFolder() {
        return Optional.ofNullable(dataFolder);
    }

    /**
     * Where an in-process backend attaches; present when built with {@link Builder#inProcessIngest()}.
     * An implementation detail shared with {@code Backend}, not part of the API.
     */
    public Optional<UplinkIntake> uplinkIntake() {
        return Optional.ofNullable(intake);
    }

    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free TCP port on " + host, e);
        }
    }

    /** Configures an {@link EmbeddedBroker}; not thread-safe. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private @Nullable Path dataFolder;
        private @Nullable BrokerTrafficListener listener;
        private @Nullable ExtensionMain extension;
        private @Nullable Duration storeTimeout;
        private boolean topicPolicy = true;

        private Builder() {
        }

        /**
         * Whether the built-in {@link TopicPolicy} is enforced (default on): the map provider reaches
         * {@code maps/#} only, a car's map connection its own key's topics only, and a car's VIN connection
         * nothing below {@code maps/}. An {@link #extension} that sets an authorizer of its own replaces it.
         */
        public Builder topicPolicy(boolean enforced) {
            this.topicPolicy = enforced;
            return this;
        }

        /** Address the TCP listener binds to; default {@code 127.0.0.1}. */
        public Builder bindAddress(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** TCP port, 0 (the default) to pick a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be in 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** Folder for the broker's data; default a temporary folder deleted on stop. Kept on stop when given. */
        public Builder dataFolder(Path dataFolder) {
            this.dataFolder = Objects.requireNonNull(dataFolder, "dataFolder");
            return this;
        }

        /** Receives every inbound PUBLISH; see {@link BrokerTrafficListener} for the threading contract. */
        public Builder trafficListener(BrokerTrafficListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * An extra HiveMQ extension started with the broker, e.g. a test's authorizer. It runs inside the
         * same embedded extension as the traffic listener and the in-process ingest, so with either it must
         * not set a client initializer of its own.
         */
        public Builder extension(ExtensionMain extension) {
            this.extension = Objects.requireNonNull(extension, "extension");
            return this;
        }

        /**
         * Lets a backend in this process take the uplinks directly ({@code Backend.inProcess(config, broker)})
         * instead of subscribing over MQTT: the broker holds each uplink publish until that backend stored
         * (or rejected) it, and only then acknowledges it to the car and routes it to other subscribers.
         * Uplinks that arrive while no backend is attached wait for one. A publish not stored within
         * {@link #DEFAULT_STORE_TIMEOUT} is refused (never acknowledged as stored); see docs/decisions.md.
         */
        public Builder inProcessIngest() {
            return inProcessIngest(DEFAULT_STORE_TIMEOUT);
        }

        /** {@link #inProcessIngest()} with another timeout; positive. */
        public Builder inProcessIngest(Duration storeTimeout) {
            if (storeTimeout.isNegative() || storeTimeout.isZero()) {
                throw new IllegalArgumentException("storeTimeout must be positive, was " + storeTimeout);
            }
            this.storeTimeout = storeTimeout;
            return this;
        }

        public EmbeddedBroker build() {
            return new EmbeddedBroker(this);
        }
    }

    /** The first message in the cause chain, or a hint at the usual cause when HiveMQ gives none. */
    private static String describe(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return error.getClass().getSimpleName() + " without a message (HiveMQ logs the reason; usually the port"
                + " is already in use)";
    }
}
