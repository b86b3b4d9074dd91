package io.pcmsim.tools.backend;

import io.pcmsim.backend.BackendConfig;
import io.pcmsim.tools.fleet.BrokerAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@code pcmsim backend} runs with.
 *
 * @param bind address the embedded broker and the HTTP API listen on
 * @param brokerPort port of the embedded broker (0: a free one)
 * @param httpPort port of the HTTP API (0: a free one)
 * @param broker another broker to use instead of the embedded one, or null
 * @param dataDir folder of the H2 database and the broker's files
 * @param jdbcUrl another database than H2, or null
 * @param writers writer lanes, or null for the backend's default for the database
 * @param autoEnrol whether unknown VINs are enrolled at their first login
 * @param breakdownPullTimeout how long a breakdown call placed in the app waits for the car's answer
 */
record BackendSettings(String bind, int brokerPort, int httpPort, @Nullable BrokerAddress broker, Path dataDir,
        @Nullable String jdbcUrl, @Nullable Integer writers, boolean autoEnrol, Duration breakdownPullTimeout) {

    BackendSettings {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(dataDir, "dataDir");
        checkPort("--port", brokerPort);
        checkPort("--http-port", httpPort);
        if (writers != null && (writers < 1 || writers > BackendConfig.MAX_WRITERS)) {
            throw new IllegalArgumentException("--writers must be 1 to " + BackendConfig.MAX_WRITERS + ", was "
                    + writers);
        }
        if (breakdownPullTimeout.isZero() || breakdownPullTimeout.isNegative()) {
            throw new IllegalArgumentException("--breakdown-pull-timeout must be positive, was " + breakdownPullTimeout);
        }
    }

    private static void checkPort(String option, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(option + " must be 0 to 65535, was " + port);
        }
    }
}
