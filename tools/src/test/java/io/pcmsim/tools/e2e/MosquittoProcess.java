package io.pcmsim.tools.e2e;

import static org.awaitility.Awaitility.await;

import io.pcmsim.backend.testing.ExternalServices;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto broker of the test's own, on a free port, with persistence in a folder of the test, so
 * it can be stopped and started again like a production broker restart. Needs the {@code mosquitto}
 * binary: without it the test is skipped (with {@code CI=true} it fails).
 */
final class MosquittoProcess implements AutoCloseable {

    private final Path binary;
    private final Path config;
    private final Path log;
    private final int port;
    private Process process;

    private MosquittoProcess(Path binary, Path dir, int port, List<String> listenerSettings, List<String> settings)
            throws IOException {
        this.binary = binary;
        this.port = port;
        this.config = dir.resolve("mosquitto.conf");
        this.log = dir.resolve("mosquitto.log");
        // started as root, mosquitto drops to its own user, which must be able to write its database here
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to widen
        }
        Files.writeString(config, String.join("\n",
                "listener " + port + " 127.0.0.1",
                String.join("\n", listenerSettings),
                "allow_anonymous true",
                "persistence true",
                "persistence_location " + dir.toAbsolutePath() + File.separator,
                "max_queued_messages 100000",
                "log_dest stderr",
                String.join("\n", settings),
                ""));
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
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName(ExternalServices.HOST))) {
            return new MosquittoProcess(binary, dir, socket.getLocalPort(), listenerSettings, settings);
        }
    }

    int port() {
        return port;
    }

    /** Starts the broker and waits until it accepts connections. */
    void start() throws IOException {
        process = new ProcessBuilder(binary.toString(), "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        await().atMost(Duration.ofSeconds(20)).until(() -> ExternalServices.reachable(port));
    }

    /** Stops the broker the way a service manager does (SIGTERM); it saves its persistence file. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
