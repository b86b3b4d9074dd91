package io.pcmsim.backend.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Guards for tests that need a service installed on this machine. When the service does not accept a
 * TCP connection: with environment {@code CI=true} the test fails (CI must provide it), otherwise it is
 * skipped with a message saying what to install and how to start it.
 */
public final class ExternalServices {

    public static final String HOST = "127.0.0.1";
    public static final int MOSQUITTO_PORT = 1883;
    public static final int POSTGRES_PORT = 5432;
    private static final int CONNECT_TIMEOUT_MS = 1_000;

    private ExternalServices() {
    }

    /** Mosquitto (any MQTT 5 broker allowing anonymous clients) on 127.0.0.1:1883. */
    public static void requireMosquitto() {
        require("Mosquitto", MOSQUITTO_PORT,
                "install it with `apt-get install mosquitto` and start it with `service mosquitto start`"
                        + " (or `mosquitto -d`)");
    }

    /** PostgreSQL on 127.0.0.1:5432 with trust authentication and a database {@code test}. */
    public static void requirePostgres() {
        require("PostgreSQL", POSTGRES_PORT,
                "install it with `apt-get install postgresql`, start it with `service postgresql start`,"
                        + " allow trust authentication for 127.0.0.1 and run `createdb -U postgres test`");
    }

    /** Whether {@code HOST:port} accepts a TCP connection within a second. */
    public static boolean reachable(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The executable {@code name} on the PATH (or in /usr/sbin, /usr/local/sbin, where Debian puts
     * daemons); when it is missing the test is skipped, or fails with {@code CI=true}.
     */
    public static Path requireExecutable(String name, String howTo) {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin"
                + File.pathSeparator + "/usr/local/sbin";
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseGet(() -> missing(name + " is not installed; " + howTo));
    }

    private static void require(String service, int port, String howTo) {
        if (!reachable(port)) {
            missing(service + " does not accept connections on " + HOST + ":" + port + "; " + howTo);
        }
    }

    /** Fails with {@code CI=true} (CI must provide it), otherwise skips the test; never returns. */
    private static <T> T missing(String message) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return Assertions.fail(message + " (CI=true: this test must not be skipped)");
        }
        return Assumptions.abort(message);
    }
}
