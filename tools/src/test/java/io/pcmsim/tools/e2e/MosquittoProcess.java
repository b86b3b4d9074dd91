package io.pcmsim.tools.e2e;

import static org.awaitility.Awaitility.await;

import io.pcmsim.backend.testing.ExternalServices;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A Mosquitto broker of the test's own ({@link io.pcmsim.tools.broker.MosquittoProcess}), on a free port,
 * with persistence in a folder of the test, so it can be stopped and started again like a production
 * broker restart. Needs the {@code mosquitto} binary: without it the test is skipped (with
 * {@code CI=true} it fails).
 */
final class MosquittoProcess implements AutoCloseable {

    private final io.pcmsim.tools.broker.MosquittoProcess broker;

    private MosquittoProcess(io.pcmsim.tools.broker.MosquittoProcess broker) {
        this.broker = broker;
    }

    /** Finds the binary (or skips/fails the test) and picks a free port; not started yet. */
    static MosquittoProcess prepare(Path dir) throws IOException {
        return prepare(dir, List.of(), List.of());
    }

    /** Like {@link #prepare(Path)}, with more lines of {@code mosquitto.conf}, e.g. {@code max_inflight_messages 1000}. */
    static MosquittoProcess prepare(Path dir, String... settings) throws IOException {
        return prepare(dir, List.of(), List.of(settings));
    }

    /** Like {@link #prepare(Path)}, with a TLS listener: the broker's certificate and key (PEM files). */
    static MosquittoProcess prepareTls(Path dir, Path certificate, Path key) throws IOException {
        return prepare(dir, List.of("certfile " + certificate.toAbsolutePath(), "keyfile " + key.toAbsolutePath()),
                List.of());
    }

    private static MosquittoProcess prepare(Path dir, List<String> listenerSettings, List<String> settings)
            throws IOException {
        Path binary = ExternalServices.requireExecutable("mosquitto", "install it with `apt-get install mosquitto`");
        List<String> all = new ArrayList<>(listenerSettings);
        all.add("persistence true");
        all.add("persistence_location " + dir.toAbsolutePath() + File.separator);
        all.add("max_queued_messages 100000");
        all.addAll(settings);
        return new MosquittoProcess(io.pcmsim.tools.broker.MosquittoProcess.prepare(binary, dir, all));
    }

    int port() {
        return broker.port();
    }

    /** Starts the broker and waits until it accepts connections. */
    void start() throws IOException {
        broker.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> ExternalServices.reachable(broker.port()));
    }

    /** Stops the broker the way a service manager does (SIGTERM); it saves its persistence file. */
    void stop() {
        broker.stop();
    }

    @Override
    public void close() {
        broker.close();
    }
}
