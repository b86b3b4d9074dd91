package io.pcmsim.tools.bench;

import io.pcmsim.tools.broker.MosquittoProcess;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.pcmsim.backend.Backend;
import io.pcmsim.backend.BackendConfig;
import io.pcmsim.backend.BackendStats;
import io.pcmsim.backend.broker.EmbeddedBroker;
import io.pcmsim.backend.internal.storage.Database;
import io.pcmsim.protocol.Topics;
import io.pcmsim.tools.cli.LogLevel;
import io.pcmsim.tools.cli.TemporaryFolder;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pcmsim bench ingest}: how fast the backend stores what a broker receives. One run, one broker,
 * the same pre-encoded realistic uplinks published twice by the same bare publishing loop: (a) to a raw
 * subscriber that only counts, on a mirror topic tree no backend takes; (b) on the uplink topics, to the
 * backend (decoded, validated, stored, state and needs derived, acknowledged after the commit). Prints
 * both rates (messages over the time from the first publish to the last received, resp. stored) and
 * their ratio. The loop's lead (published, not yet received resp. handled by the backend) is bounded by
 * the same window in both, so no broker queue overflows; any message missing at the end fails the run. Each
 * side first gets a warm-up load of other cars, not measured, so that neither is measured while the JIT
 * compiles its code (on 2 cores the compiler took a third of the machine during an unwarmed measurement).
 */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Measures the backend's storing rate against a raw subscriber's receive rate on one broker.")
public final class IngestBenchCommand implements Callable<Integer> {

    /** Prefix of the mirrored uplink topics the raw subscriber counts: no backend takes them. */
    static final String RAW_ROOT = "pcmsim-bench/";
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(30);
    private static final int EMBEDDED_CLIENTS = 1_000;
    private static final int EXTERNAL_CLIENTS = 4;
    private static final int EMBEDDED_WINDOW = 500;
    private static final int EXTERNAL_WINDOW = 100;
    private static final int OWN_MOSQUITTO_WINDOW = 1_000;
    /**
     * The bench's own Mosquitto: a session may have up to 1,000 unacknowledged messages in flight and 100,000
     * queued (the defaults, 20 and 1,000, bound the backend's batches and drop messages at a lead of 500).
     */
    static final List<String> OWN_MOSQUITTO_SETTINGS = List.of("max_inflight_messages 1000",
            "max_queued_messages 100000", "max_queued_bytes 0", "set_tcp_nodelay true");

    @Spec
    CommandSpec spec;

    @Option(names = "--broker", paramLabel = "URL",
            description = "MQTT broker, tcp://host:port (default: an embedded broker, the backend in-process).")
    String broker;

    @Option(names = "--mosquitto",
            description = "Start a Mosquitto of the bench's own (the mosquitto binary) on a free port of 127.0.0.1,"
                    + " with max_inflight_messages 1000 and max_queued_messages 100000, and measure on it.")
    boolean mosquitto;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "The backend's database (default: an H2 file in a temporary folder, removed afterwards).")
    String jdbcUrl;

    @Option(names = "--messages", defaultValue = "50000", description = "Messages per measurement (default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--vehicles", defaultValue = "5000", description = "Distinct VINs (default: ${DEFAULT-VALUE}).")
    int vehicles;

    @Option(names = "--clients",
            description = "Publishing MQTT clients (default: 1,000 on the embedded broker, which hands the in-process"
                    + " backend one message per client at a time as a car is one client, so that the clients bound"
                    + " its batches; 4 with --broker).")
    Integer clients;

    @Option(names = "--window",
            description = "Most messages published and not yet received or stored, in both measurements (default:"
                    + " 500 on the embedded broker, 100 with --broker, below Mosquitto's max_queued_messages of 1000;"
                    + " 1000 with --mosquitto).")
    Integer window;

    @Option(names = "--warm-up", paramLabel = "N", defaultValue = "50000",
            description = "Messages of other cars each side gets first, not measured, so that both are measured with"
                    + " their code compiled (default: ${DEFAULT-VALUE}, as many as measured; 0: none).")
    int warmUp;

    @Option(names = "--verbose", description = "Show the libraries' log.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (mosquitto && broker != null) {
            err.println("pcmsim bench ingest: --mosquitto starts a broker of its own; leave --broker out");
            return 2;
        }
        boolean external = broker != null || mosquitto;
        if (clients == null) {
            clients = external ? EXTERNAL_CLIENTS : EMBEDDED_CLIENTS;
        }
        if (window == null) {
            window = mosquitto ? OWN_MOSQUITTO_WINDOW : broker != null ? EXTERNAL_WINDOW : EMBEDDED_WINDOW;
        }
        if (messages < 1 || vehicles < 1 || clients < 1 || window < 1 || warmUp < 0) {
            err.println("pcmsim bench ingest: --messages, --vehicles, --clients and --window must be at least 1,"
                    + " --warm-up at least 0");
            return 2;
        }
        URI brokerUri = null;
        if (broker != null) {
            brokerUri = parseBroker(broker);
            if (brokerUri == null) {
                err.println("pcmsim bench ingest: --broker must look like tcp://host:port, was " + broker);
                return 2;
            }
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (LogLevel logs = LogLevel.forRun(verbose);
             TemporaryFolder temporary = TemporaryFolder.create("pcmsim-bench-ingest-");
             OwnBroker own = OwnBroker.startIf(mosquitto, temporary.path())) {
            if (own.launcher() != null) {
                brokerUri = URI.create("tcp://" + MosquittoProcess.HOST + ":" + own.launcher().port());
            }
            EmbeddedBroker embedded = brokerUri == null ? EmbeddedBroker.builder().port(0).inProcessIngest().build() : null;
            try {
                if (embedded != null) {
                    embedded.start().get(60, TimeUnit.SECONDS);
                }
                String host = embedded != null ? embedded.host() : brokerUri.getHost();
                int port = embedded != null ? embedded.port() : brokerUri.getPort();
                // the warm-up's cars are others than the measured ones, so that the measured load is new to the backend
                long seed = System.nanoTime();
                int warmCars = Math.min(vehicles, warmUp);
                IngestLoad warm = warmUp > 0 ? IngestLoad.prepare(warmUp, warmCars, seed, 0) : null;
                IngestLoad load = IngestLoad.prepare(messages, Math.min(vehicles, messages), seed, warmCars);
                out.printf("pcmsim bench ingest: %,d messages (login + Smart Service reports of %,d VINs, %,d bytes on"
                                + " average), %d publishing clients, lead at most %,d, on %s, backend %s, store %s%n",
                        messages, Math.min(vehicles, messages), load.averageBytes(), clients, window,
                        embedded != null ? "the embedded broker" : "tcp://" + host + ":" + port
                                + (own.launcher() != null ? " (a Mosquitto of the bench's own)" : ""),
                        embedded != null ? "in-process" : "over MQTT",
                        Database.of(jdbcUrl != null ? jdbcUrl : Database.h2Url(temporary.path())).redacted());
                out.flush();
                IngestMeasurement rawWarmUp = warm != null ? measureRaw(host, port, run + "-w", warm) : null;
                IngestMeasurement raw = measureRaw(host, port, run, load);
                out.printf("  raw subscriber  %s%n", raw.describe("received"));
                out.flush();
                BackendConfig.Builder config = BackendConfig.builder().dataDir(temporary.path())
                        .brokerHost(host).brokerPort(port).clientId("pcmsim-bench-" + run).sharedGroup("bench-" + run);
                if (jdbcUrl != null) {
                    config.jdbcUrl(jdbcUrl);
                }
                Backend backend = embedded != null ? Backend.inProcess(config.build(), embedded)
                        : Backend.create(config.build());
                IngestMeasurement stored;
                IngestMeasurement storedWarmUp = null;
                try {
                    storedWarmUp = warm != null ? measureBackend(backend, host, port, run + "-w", warm) : null;
                    stored = measureBackend(backend, host, port, run, load);
                } finally {
                    backend.close();
                    if (embedded == null) {
                        discardSession(host, port, "pcmsim-bench-" + run);
                    }
                }
                BackendStats stats = backend.stats();
                out.printf("  backend         %s (rejected %d, duplicates %d)%n", stored.describe("stored"),
                        stats.rejectedTotal(), stats.duplicates());
                long others = stats.stored() - stored.arrived() - (storedWarmUp != null ? storedWarmUp.arrived() : 0);
                if (others > 0) {
                    out.printf("  note            the backend also stored %,d messages other clients published on this"
                            + " broker meanwhile; its rate includes them%n", others);
                }
                if (raw.rate() > 0 && stored.rate() > 0) {
                    out.printf("  ratio           %.2f (backend / raw subscriber)%n", stored.rate() / raw.rate());
                }
                List<String> losses = new ArrayList<>();
                if (rawWarmUp != null && storedWarmUp != null) {
                    out.printf("  warm-up before  raw subscriber %s; backend %s (not measured)%n",
                            rawWarmUp.describe("received"), storedWarmUp.describe("stored"));
                    rawWarmUp.loss("the raw subscriber in the warm-up").ifPresent(losses::add);
                    storedWarmUp.loss("the backend in the warm-up").ifPresent(losses::add);
                }
                out.flush();
                raw.loss("the raw subscriber").ifPresent(losses::add);
                stored.loss("the backend").ifPresent(losses::add);
                if (stats.rejectedTotal() > 0) {
                    losses.add("the backend rejected " + stats.rejectedTotal() + " " + stats.rejectedByReason());
                }
                if (!losses.isEmpty()) {
                    err.println("pcmsim bench ingest: FAILED, " + String.join("; ", losses));
                    return 1;
                }
                return 0;
            } finally {
                if (embedded != null) {
                    embedded.close();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("pcmsim bench ingest: interrupted");
            return 130;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            err.println("pcmsim bench ingest: " + reason(e) + (jdbcUrl != null && mentionsDatabase(e) ? "; check --jdbc-url" : ""));
            return 1;
        }
    }

    private IngestMeasurement measureRaw(String host, int port, String run, IngestLoad load) throws InterruptedException {
        int messages = load.payloads().size();
        AtomicLong received = new AtomicLong();
        AtomicLong lastAt = new AtomicLong();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Mqtt5AsyncClient subscriber = Mqtt5Client.builder().identifier("pcmsim-bench-raw-" + run)
                .serverHost(host).serverPort(port).buildAsync();
        try (PublishingLoop loop = PublishingLoop.connect(host, port, "pcmsim-bench-pub-" + run, clients, window)) {
            // an explicit receive maximum (the HiveMQ client leaves the default 65,535 out of its CONNECT), well
            // above the lead
            subscriber.connectWith().cleanStart(true).restrictions().receiveMaximum(1_000).applyRestrictions()
                    .send().join();
            subscriber.subscribeWith().topicFilter(RAW_ROOT + Topics.UPLINK_FILTER).qos(MqttQos.AT_LEAST_ONCE)
                    .callback(p -> {
                        lastAt.set(System.nanoTime());
                        if (received.incrementAndGet() >= messages) {
                            done.complete(null);
                        }
                        loop.taken(1);
                    })
                    .send().join();
            long start = loop.publish(load.rawTopics(), load.payloads());
            awaitCount(received::get, done);
            return new IngestMeasurement(messages, received.get(), loop.refused(), lastAt.get() - start);
        } catch (CompletionException e) {
            throw new IllegalStateException("cannot connect to the MQTT broker at tcp://" + host + ":" + port + ": "
                    + reason(e), e);
        } finally {
            subscriber.disconnect().exceptionally(e -> null);
        }
    }

    private IngestMeasurement measureBackend(Backend backend, String host, int port, String run, IngestLoad load)
            throws InterruptedException, ExecutionException, TimeoutException {
        int messages = load.payloads().size();
        backend.start().get(60, TimeUnit.SECONDS);
        ScheduledExecutorService poll = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pcmsim-bench-poll");
            t.setDaemon(true);
            return t;
        });
        AtomicLong handled = new AtomicLong(); // distinct messages stored or rejected since this measurement began
        BackendStats before = backend.stats();
        long base = before.stored() + before.rejectedTotal();
        AtomicLong lastAt = new AtomicLong();
        CompletableFuture<Void> done = new CompletableFuture<>();
        try (PublishingLoop loop = PublishingLoop.connect(host, port, "pcmsim-bench-car-" + run, clients, window)) {
            poll.scheduleAtFixedRate(() -> {
                // distinct messages: a broker may deliver one twice (then counted as a duplicate, not stored again)
                BackendStats stats = backend.stats();
                long now = stats.stored() + stats.rejectedTotal() - base;
                long previous = handled.getAndSet(now);
                if (now > previous) {
                    lastAt.set(System.nanoTime());
                    loop.taken((int) (now - previous));
                }
                if (now >= messages) {
                    done.complete(null);
                }
            }, 1, 1, TimeUnit.MILLISECONDS);
            long start = loop.publish(load.topics(), load.payloads());
            awaitCount(handled::get, done);
            // the backend stores whatever arrives on the uplink topics: on a shared broker other clients' messages
            // count in its stats too, so what arrived of this load is counted in the store, per VIN
            long own = storedOf(backend, load);
            if (own < messages) {
                CompletableFuture<Void> complete = new CompletableFuture<>();
                AtomicLong ownCount = new AtomicLong(own);
                poll.scheduleAtFixedRate(() -> {
                    ownCount.set(storedOf(backend, load));
                    if (ownCount.get() >= messages) {
                        lastAt.set(System.nanoTime());
                        complete.complete(null);
                    }
                }, 100, 100, TimeUnit.MILLISECONDS);
                awaitCount(ownCount::get, complete);
                own = ownCount.get();
            }
            return new IngestMeasurement(messages, own, loop.refused(), lastAt.get() - start);
        } finally {
            poll.shutdownNow();
        }
    }

    private static long storedOf(Backend backend, IngestLoad load) {
        return backend.storedMessages(load.vins());
    }

    /**
     * Waits until {@code done} completes (the count reached its target) or {@code count} made no progress
     * for {@link #STALL_TIMEOUT}: then what is missing is lost.
     */
    private static void awaitCount(LongSupplier count, CompletableFuture<Void> done) throws InterruptedException {
        long last = -1;
        while (true) {
            try {
                done.get(STALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                long now = count.getAsLong();
                if (now == last) {
                    return;
                }
                last = now;
            } catch (ExecutionException e) {
                return;
            }
        }
    }

    /** Ends the persistent session the backend left on an external broker (its shared subscription with it). */
    private static void discardSession(String host, int port, String clientId) {
        Mqtt5AsyncClient client = Mqtt5Client.builder().identifier(clientId).serverHost(host).serverPort(port).buildAsync();
        client.connectWith().cleanStart(true).sessionExpiryInterval(0).send()
                .thenCompose(ack -> client.disconnect())
                .orTimeout(10, TimeUnit.SECONDS)
                .exceptionally(e -> null)
                .join();
    }

    private static @Nullable URI parseBroker(String text) {
        try {
            URI uri = new URI(text);
            if (!"tcp".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1) {
                return null;
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** The innermost message of a failure (the one that says what went wrong), on one line. */
    static String reason(Throwable e) {
        return innermost(e).replaceAll("\\s*\\R\\s*", " ");
    }

    private static String innermost(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
                if (t instanceof IllegalStateException || t.getClass().getSimpleName().endsWith("StorageException")) {
                    return message; // our own sentence, which names what and where
                }
            }
        }
        return message != null ? message : e.getClass().getSimpleName();
    }

    private static boolean mentionsDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().endsWith("StorageException")) {
                return true;
            }
        }
        return false;
    }

    /** The bench's own Mosquitto, if asked for ({@code launcher} null otherwise); closing stops it. */
    private record OwnBroker(@Nullable MosquittoProcess launcher) implements AutoCloseable {
        static OwnBroker startIf(boolean wanted, java.nio.file.Path dir) {
            if (!wanted) {
                return new OwnBroker(null);
            }
            java.nio.file.Path binary = MosquittoProcess.findBinary().orElseThrow(() -> new IllegalStateException(
                    "--mosquitto needs the mosquitto binary (apt-get install mosquitto)"));
            try {
                MosquittoProcess broker = MosquittoProcess.prepare(binary, dir, OWN_MOSQUITTO_SETTINGS);
                broker.start();
                return new OwnBroker(broker);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot start mosquitto: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            if (launcher != null) {
                launcher.close();
            }
        }
    }
}
