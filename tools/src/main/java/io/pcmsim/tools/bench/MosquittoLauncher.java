package io.pcmsim.tools.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Mosquitto broker process of a bench's own: the {@code mosquitto} binary (on the PATH, or in
 * {@code /usr/sbin}, {@code /usr/local/sbin}), listening on a free port of 127.0.0.1, anonymous, without
 * persistence, with the settings given (e.g. {@code max_inflight_messages 1000}); its log goes to a file in
 * the folder given. {@link #close()} stops it (SIGTERM, then SIGKILL after 10 s).
 */
public final class MosquittoLauncher implements AutoCloseable {

    /** Loopback only: a bench broker is not for other machines. */
    public static final String HOST = "127.0.0.1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final int port;
    private final Path log;

    private MosquittoLauncher(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The {@code mosquitto} binary, if installed. */
    public static Optional<Path> binary() {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin"
                + File.pathSeparator + "/usr/local/sbin";
        return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "mosquitto")).filter(Files::isExecutable).findFirst();
    }

    /**
     * Starts Mosquitto with {@code settings} (lines of {@code mosquitto.conf}) and waits until it accepts
     * connections.
     *
     * @param dir a folder for its configuration and log
     * @throws IllegalStateException if the binary is missing or the broker does not start
     */
    public static MosquittoLauncher start(Path dir, List<String> settings) throws IOException, InterruptedException {
        Path binary = binary().orElseThrow(() -> new IllegalStateException(
                "mosquitto is not installed (not on the PATH nor in /usr/sbin); install it, e.g. `apt-get install"
                        + " mosquitto`"));
        int port;
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName(HOST))) {
            port = socket.getLocalPort();
        }
        Path config = dir.resolve("mosquitto.conf");
        Path log = dir.resolve("mosquitto.log");
        List<String> lines = new ArrayList<>(List.of("listener " + port + " " + HOST, "allow_anonymous true",
                "persistence false", "log_dest stderr"));
        lines.addAll(settings);
        Files.write(config, lines);
        Process process = new ProcessBuilder(binary.toString(), "-c", config.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        MosquittoLauncher broker = new MosquittoLauncher(process, port, log);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!broker.accepts()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                broker.close();
                throw new IllegalStateException("mosquitto did not start on " + HOST + ":" + port + " within "
                        + START_TIMEOUT.toSeconds() + " s: " + lastLine(log));
            }
            process.waitFor(50, TimeUnit.MILLISECONDS); // returns at once if it exits
        }
        return broker;
    }

    private boolean accepts() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(HOST, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return lines.isEmpty() ? "(no log)" : lines.get(lines.size() - 1);
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public int port() {
        return port;
    }

    /** Its log file. */
    public Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
