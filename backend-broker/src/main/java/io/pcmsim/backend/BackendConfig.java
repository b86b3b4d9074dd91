package io.pcmsim.backend;

import io.pcmsim.backend.internal.storage.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Configuration of a {@link Backend}.
 *
 * @param brokerHost MQTT broker host name or address
 * @param brokerPort MQTT broker TCP port, 1..65535
 * @param clientId MQTT client identifier; also names the persistent session, so a restarted backend with
 *        the same id receives what was left unacknowledged. Two running backends need two ids.
 * @param sharedGroup shared subscription group ({@code $share/<group>/...}); backends in one group split the load
 * @param jdbcUrl JDBC URL of the store; default an H2 file {@code <dataDir>/backend.mv.db}
 * @param dataDir folder of the default H2 database (created when missing)
 * @param clock backend time: {@code received_at} and {@code derived_at}
 * @param batchSize most messages per transaction, at least 1
 * @param maxBatchDelay longest wait for a batch to fill after its first message, positive
 * @param writers writer lanes, 1 to 16: batches stored at the same time, each lane with a thread and a connection
 *        of its own and a vehicle always on the same lane; default 2 on PostgreSQL, 1 on H2
 * @param vehicleTimeBehind how far before the backend's clock a message's vehicle time may lie (older
 *        messages are rejected as {@code vehicle-time-out-of-window}); covers a car's outbox after a long
 *        time offline
 * @param vehicleTimeAhead how far after the backend's clock a message's vehicle time may lie; give cars
 *        and backend the same (simulated) clock, or widen this by what the cars' clock runs ahead
 * @param autoEnrol whether a VIN the identity registry does not know is enrolled at its first login,
 *        with a generated owner and a valid connectivity package (see {@link Backend#identity()})
 * @param breakdownPullTimeout how long, on {@link #clock()}, a breakdown call placed in the app waits for the
 *        car's answer to its data pull before the case times out; positive
 */
public record BackendConfig(
        String brokerHost,
        int brokerPort,
        String clientId,
        String sharedGroup,
        String jdbcUrl,
        Path dataDir,
        Clock clock,
        int batchSize,
        Duration maxBatchDelay,
        int writers,
        Duration vehicleTimeBehind,
        Duration vehicleTimeAhead,
        boolean autoEnrol,
        Duration breakdownPullTimeout) {

    public static final String DEFAULT_SHARED_GROUP = "backend";
    public static final int DEFAULT_BATCH_SIZE = 500;
    /** Most writer lanes: each holds a database connection and a thread. */
    public static final int MAX_WRITERS = 16;
    public static final Duration DEFAULT_MAX_BATCH_DELAY = Duration.ofMillis(50);
    public static final Duration DEFAULT_VEHICLE_TIME_BEHIND = Duration.ofDays(365);
    public static final Duration DEFAULT_VEHICLE_TIME_AHEAD = Duration.ofDays(1);
    public static final Duration DEFAULT_BREAKDOWN_PULL_TIMEOUT = Duration.ofMinutes(2);

    public BackendConfig {
        Objects.requireNonNull(brokerHost, "brokerHost");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(sharedGroup, "sharedGroup");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(maxBatchDelay, "maxBatchDelay");
        Objects.requireNonNull(vehicleTimeBehind, "vehicleTimeBehind");
        Objects.requireNonNull(vehicleTimeAhead, "vehicleTimeAhead");
        if (vehicleTimeBehind.isNegative() || vehicleTimeAhead.isNegative()) {
            throw new IllegalArgumentException("the vehicle time window must not be negative, was "
                    + vehicleTimeBehind + " behind and " + vehicleTimeAhead + " ahead");
        }
        Objects.requireNonNull(breakdownPullTimeout, "breakdownPullTimeout");
        if (breakdownPullTimeout.isNegative() || breakdownPullTimeout.isZero()) {
            throw new IllegalArgumentException("breakdownPullTimeout must be positive, was " + breakdownPullTimeout);
        }
        if (brokerPort < 1 || brokerPort > 65_535) {
            throw new IllegalArgumentException("brokerPort must be in 1..65535, was " + brokerPort);
        }
        if (clientId.isBlank()) {
            throw new IllegalArgumentException("clientId must not be blank");
        }
        if (sharedGroup.isEmpty() || sharedGroup.matches(".*[/+#].*")) {
            throw new IllegalArgumentException("sharedGroup [" + sharedGroup
                    + "] must be non-empty without '/', '+' or '#'");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        if (writers < 1 || writers > MAX_WRITERS) {
            throw new IllegalArgumentException("writers must be 1 to " + MAX_WRITERS + ", was " + writers);
        }
        if (maxBatchDelay.isNegative() || maxBatchDelay.isZero()) {
            throw new IllegalArgumentException("maxBatchDelay must be positive, was " + maxBatchDelay);
        }
    }

    /** Defaults for everything but the broker and the data directory. */
    public static BackendConfig of(String brokerHost, int brokerPort, Path dataDir) {
        return builder().brokerHost(brokerHost).brokerPort(brokerPort).dataDir(dataDir).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The writer lanes for a database: 2 on PostgreSQL, where a second connection stores one batch while the
     * backend prepares the next; 1 on H2, which stores in this process's own threads (decision 46).
     */
    public static int defaultWriters(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:") ? 2 : 1;
    }

    /** Whether the store is the default H2 file under {@link #dataDir()}. */
    boolean usesDefaultDatabase() {
        return jdbcUrl.equals(Database.h2Url(dataDir));
    }

    /**
     * Builder; defaults: broker 127.0.0.1:1883, client id {@code pcmsim-backend}, group {@code backend},
     * data directory {@code ./pcmsim-data/backend}, H2 in it, system UTC clock, batches of 500 or 50 ms, writer
     * lanes by database (2 on PostgreSQL, 1 on H2), vehicle times from 365 days before to 1 day after the
     * backend's clock, unknown VINs enrolled at their first login, breakdown data pulls answered within 2 minutes.
     */
    public static final class Builder {
        private String brokerHost = "127.0.0.1";
        private int brokerPort = 1883;
        private String clientId = "pcmsim-backend";
        private String sharedGroup = DEFAULT_SHARED_GROUP;
        private @Nullable String jdbcUrl;
        private Path dataDir = Path.of("pcmsim-data", "backend");
        private Clock clock = Clock.systemUTC();
        private int batchSize = DEFAULT_BATCH_SIZE;
        private Duration maxBatchDelay = DEFAULT_MAX_BATCH_DELAY;
        private int writers;
        private Duration vehicleTimeBehind = DEFAULT_VEHICLE_TIME_BEHIND;
        private Duration vehicleTimeAhead = DEFAULT_VEHICLE_TIME_AHEAD;
        private boolean autoEnrol = true;
        private Duration breakdownPullTimeout = DEFAULT_BREAKDOWN_PULL_TIMEOUT;

        private Builder() {
        }

        public Builder brokerHost(String brokerHost) {
            this.brokerHost = brokerHost;
            return this;
        }

        public Builder brokerPort(int brokerPort) {
            this.brokerPort = brokerPort;
            return this;
        }

        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        public Builder sharedGroup(String sharedGroup) {
            this.sharedGroup = sharedGroup;
            return this;
        }

        /** E.g. {@code jdbc:postgresql://127.0.0.1:5432/pcmsim?user=postgres}. */
        public Builder jdbcUrl(String jdbcUrl) {
            this.jdbcUrl = jdbcUrl;
            return this;
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder maxBatchDelay(Duration maxBatchDelay) {
            this.maxBatchDelay = maxBatchDelay;
            return this;
        }

        /**
         * Writer lanes, 1 to 16 (default: 2 on PostgreSQL, where a second connection stores one batch while the
         * backend prepares the next; 1 on H2, which stores in this process's own threads).
         */
        public Builder writers(int writers) {
            if (writers < 1) {
                throw new IllegalArgumentException("writers must be at least 1, was " + writers);
            }
            this.writers = writers;
            return this;
        }

        /** The window around the backend's clock a message's vehicle time must fall in. */
        public Builder vehicleTimeWindow(Duration behind, Duration ahead) {
            this.vehicleTimeBehind = behind;
            this.vehicleTimeAhead = ahead;
            return this;
        }

        /** Whether unknown VINs are enrolled at their first login (default: yes). */
        public Builder autoEnrol(boolean autoEnrol) {
            this.autoEnrol = autoEnrol;
            return this;
        }

        /** How long an app call's data pull waits for the car's answer (default 2 minutes). */
        public Builder breakdownPullTimeout(Duration breakdownPullTimeout) {
            this.breakdownPullTimeout = breakdownPullTimeout;
            return this;
        }

        public BackendConfig build() {
            Objects.requireNonNull(dataDir, "dataDir");
            String url = jdbcUrl != null ? jdbcUrl : Database.h2Url(dataDir);
            return new BackendConfig(brokerHost, brokerPort, clientId, sharedGroup, url, dataDir, clock, batchSize,
                    maxBatchDelay, writers != 0 ? writers : defaultWriters(url), vehicleTimeBehind, vehicleTimeAhead,
                    autoEnrol, breakdownPullTimeout);
        }
    }
}
