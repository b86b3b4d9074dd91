package io.pcmsim.tools.scenario;

import io.pcmsim.backend.Backend;
import io.pcmsim.backend.BackendConfig;
import io.pcmsim.backend.BackendStats;
import io.pcmsim.backend.broker.EmbeddedBroker;
import java.time.Clock;
import io.pcmsim.tools.demo.PrivacyWindows;
import io.pcmsim.tools.fleet.BrokerAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The broker and backend side of a scenario run: an embedded broker with the backend inside it
 * ({@link Backend#inProcess}, as the demo), or an external broker with the backend subscribed over MQTT,
 * or no backend. The embedded broker counts every uplink publish into {@link PrivacyWindows} and can be
 * restarted (a new broker on the same port and data folder, and a new backend on the same database);
 * the backend counters of the instances before a restart are added up. Not thread-safe: one caller.
 */
final class ScenarioSystem implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Scenario scenario;
    private final Path dataDir;
    private final Clock clock;
    private final PrivacyWindows windows;
    private volatile @Nullable EmbeddedBroker broker;
    private volatile @Nullable Backend backend;
    private final Map<String, Long> rejectedBefore = new HashMap<>();
    private long storedBefore;
    private long duplicatesBefore;
    private volatile int restarts;
    /** Stops and restarts the broker in order, off the timeline's thread (a stop takes seconds). */
    private final ExecutorService brokerThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pcmsim-run-broker");
        t.setDaemon(true);
        return t;
    });

    ScenarioSystem(Scenario scenario, Path dataDir, Clock clock, PrivacyWindows windows) {
        this.scenario = scenario;
        this.dataDir = dataDir;
        this.clock = clock;
        this.windows = windows;
    }

    /** Starts broker (when embedded) and backend (when embedded); returns where the cars connect. */
    BrokerAddress start() {
        Optional<BrokerAddress> external = scenario.broker();
        if (external.isEmpty()) {
            startEmbedded(0);
        } else if (scenario.backend() == Scenario.BackendMode.EMBEDDED) {
            Backend b = Backend.create(backendConfig().brokerHost(external.get().host())
                    .brokerPort(external.get().port()).clientId("pcmsim-run-" + ProcessHandle.current().pid()).build());
            backend = b;
            await(b.start(), "the backend did not subscribe at " + external.get());
        }
        EmbeddedBroker b = broker;
        return b != null ? new BrokerAddress(false, b.host(), b.port()) : external.orElseThrow();
    }

    private void startEmbedded(int port) {
        EmbeddedBroker b = EmbeddedBroker.builder()
                .bindAddress("127.0.0.1")
                .port(port)
                .dataFolder(dataDir.resolve("broker"))
                .trafficListener((clientId, topic, bytes) -> windows.onPublish(clientId, topic))
                .inProcessIngest()
                .build();
        broker = b;
        await(b.start(), "the embedded MQTT broker did not start on 127.0.0.1:" + b.port());
        if (scenario.backend() == Scenario.BackendMode.EMBEDDED) {
            Backend in = Backend.inProcess(backendConfig().build(), b);
            backend = in;
            await(in.start(), "the backend did not start (its database is in " + dataDir.resolve("backend") + ")");
        }
    }

    private BackendConfig.Builder backendConfig() {
        try {
            Path folder = Files.createDirectories(dataDir.resolve("backend"));
            return BackendConfig.builder().dataDir(folder).clock(clock)
                    .breakdownPullTimeout(scenario.breakdownPullTimeout());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dataDir.resolve("backend"), e);
        }
    }

    /** {@link #stopBroker()} on the broker's own thread; returns at once. */
    void stopBrokerAsync() {
        brokerThread.execute(this::stopBroker);
    }

    /** {@link #restartBroker()} on the broker's own thread, after a stop in progress; returns at once. */
    void restartBrokerAsync() {
        brokerThread.execute(this::restartBroker);
    }

    /**
     * Stops the embedded broker (its backend first counted, then stopped); the cars lose their connection.
     * Call {@link #restartBroker()} to bring it back.
     */
    synchronized void stopBroker() {
        EmbeddedBroker b = broker;
        if (b == null) {
            return;
        }
        b.close();
        Backend old = backend;
        if (old != null) {
            old.close();
            BackendStats stats = old.stats();
            storedBefore += stats.stored();
            duplicatesBefore += stats.duplicates();
            stats.rejectedByReason().forEach((reason, n) -> rejectedBefore.merge(reason, n, Long::sum));
            backend = null;
        }
    }

    /** A new embedded broker on the port of the one stopped, with a new backend on the same database. */
    synchronized void restartBroker() {
        EmbeddedBroker old = broker;
        if (old == null) {
            return;
        }
        restarts++;
        startEmbedded(old.port());
    }

    int restarts() {
        return restarts;
    }

    @Nullable Backend backend() {
        return backend;
    }

    boolean hasBackend() {
        return scenario.backend() == Scenario.BackendMode.EMBEDDED;
    }

    synchronized long stored() {
        Backend b = backend;
        return storedBefore + (b == null ? 0 : b.stats().stored());
    }

    synchronized long duplicates() {
        Backend b = backend;
        return duplicatesBefore + (b == null ? 0 : b.stats().duplicates());
    }

    synchronized Map<String, Long> rejected() {
        Map<String, Long> all = new HashMap<>(rejectedBefore);
        Backend b = backend;
        if (b != null) {
            b.stats().rejectedByReason().forEach((reason, n) -> all.merge(reason, n, Long::sum));
        }
        return all;
    }

    /** Messages handled (stored, duplicates, rejected) by every backend instance of the run. */
    long handled() {
        return stored() + duplicates() + rejected().values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The backend's figures at the end of the run (data pulls past their deadline timed out first, so the
     * count does not wait for the backend's next sweep); empty without a backend.
     */
    Optional<ScenarioResult.BackendFigures> figures() {
        Backend b = backend;
        if (b == null) {
            return Optional.empty();
        }
        long notHandled = scenario.broker().isEmpty() ? Math.max(0, windows.uplinkPublishes() - handled()) : 0;
        b.breakdown().timeOutPulls();
        return Optional.of(new ScenarioResult.BackendFigures(stored(), duplicates(), rejected(), notHandled,
                b.maintenanceSummary(), b.sequenceGaps(), b.breakdown().counts(), b.softwareUpdate().counts(),
                b.manual().counts(), b.mapUpdate().counts()));
    }

    private static void await(CompletableFuture<Void> start, String failure) {
        try {
            start.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScenarioFailure(failure + " (interrupted)", e);
        } catch (Exception e) {
            throw new ScenarioFailure(failure, e);
        }
    }

    /** Stops backend, then broker. Idempotent. */
    @Override
    public synchronized void close() {
        brokerThread.shutdownNow();
        Backend b = backend;
        if (b != null) {
            b.close();
        }
        EmbeddedBroker k = broker;
        if (k != null) {
            k.close();
        }
    }
}
