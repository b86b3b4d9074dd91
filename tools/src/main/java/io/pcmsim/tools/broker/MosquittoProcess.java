package io.pcmsim.tools.broker;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A Mosquitto broker process of the caller's own on 127.0.0.1 and a free port, configured by a file in a
 * folder of the caller (its log goes to {@code mosquitto.log} there). It inherits this process's limit
 * on open files, so it holds as many connections as this process could. {@link #start()} returns once
 * the broker says it is running; it can be stopped and started again like a production broker restart.
 * Not thread-safe.
 */
public final class MosquittoProcess implements AutoCloseable {

    /** Where the address is bound. */
    public static final String HOST = "127.0.0.1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final Path binary;
    private final Path config;
    private final Path log;
    private final int port;
    private @Nullable Process process;

    private MosquittoProcess(Path binary, Path dir, int port, List<String> settings) throws IOException {
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
                "listener " + port + " " + HOST,
                String.join("\n", settings),
                "allow_anonymous true",
                "log_dest stderr",
                ""));
    }

    /**
     * The {@code mosquitto} executable on the PATH, or in /usr/sbin or /usr/local/sbin (where Debian and
     * Homebrew put daemons); empty when there is none.
     */
    public static Optional<Path> findBinary() {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin"
                + File.pathSeparator + "/usr/local/sbin";
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "mosquitto"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * Writes the configuration and picks a free port; not started yet.
     *
     * @param dir the broker's folder: configuration, log, and whatever {@code settings} put there
     * @param settings more lines of {@code mosquitto.conf}; the first ones belong to the listener (e.g.
     *     {@code certfile}), e.g. {@code max_inflight_messages 1000}
     */
    public static MosquittoProcess prepare(Path binary, Path dir, List<String> settings) throws IOException {
        Objects.requireNonNull(binary, "binary");
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName(HOST))) {
            return new MosquittoProcess(binary, dir, socket.getLocalPort(), List.copyOf(settings));
        }
    }

    public int port() {
        return port;
    }

    /** {@code tcp://127.0.0.1:PORT}. */
    public String url() {
        return "tcp://" + HOST + ":" + port;
    }

    public Path log() {
        return log;
    }

    /**
     * Starts the broker and waits until it logs that it is running.
     *
     * @throws IllegalStateException naming the log when it ends or does not get there within 20 s
     */
    public void start() throws IOException {
        Process started = new ProcessBuilder(binary.toString(), "-c", config.toString())
                .redirectErrorStream(true)
                .start();
        process = started;
        CompletableFuture<Void> running = new CompletableFuture<>();
        Thread reader = new Thread(() -> copyLog(started, running), "pcmsim-mosquitto-log-" + port);
        reader.setDaemon(true);
        reader.start();
        try {
            running.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            stop();
            throw new IllegalStateException("mosquitto did not start on port " + port + ", see " + log, e);
        } catch (InterruptedException e) {
            stop();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while mosquitto was starting", e);
        }
    }

    /** Copies the broker's output to its log; completes {@code running} at its "running" line. */
    private void copyLog(Process started, CompletableFuture<Void> running) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(started.getInputStream(),
                StandardCharsets.UTF_8));
             Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                     StandardOpenOption.APPEND)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                out.write(line);
                out.write('\n');
                if (!running.isDone()) {
                    out.flush();
                }
                if (line.contains(" running")) {
                    running.complete(null);
                }
            }
        } catch (IOException e) {
            running.completeExceptionally(new UncheckedIOException(e));
        }
        running.completeExceptionally(new IllegalStateException("mosquitto ended"));
    }

    /** Stops the broker the way a service manager does (SIGTERM); it saves its persistence file, if any. */
    public void stop() {
        Process running = process;
        if (running == null || !running.isAlive()) {
            return;
        }
        running.destroy();
        try {
            if (!running.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The broker's process id while it runs. */
    public Optional<Long> pid() {
        Process running = process;
        return running != null && running.isAlive() ? Optional.of(running.pid()) : Optional.empty();
    }

    @Override
    public void close() {
        stop();
    }
}
