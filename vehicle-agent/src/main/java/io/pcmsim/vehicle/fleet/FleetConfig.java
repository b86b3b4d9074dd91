package io.pcmsim.vehicle.fleet;

import io.pcmsim.time.SimulatedClock;
import io.pcmsim.vehicle.manual.ManualUse;
import io.pcmsim.vehicle.model.ProfileChoice;
import io.pcmsim.vehicle.smartservice.Thresholds;
import io.pcmsim.vehicle.softwareupdate.SoftwareUpdatePolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything a {@link Fleet} needs. Build with {@link #builder()} (defaults below) or the canonical
 * constructor; every value is checked and a wrong one throws {@link IllegalArgumentException} naming it.
 *
 * @param brokerHost broker host name or address (default {@code 127.0.0.1})
 * @param brokerPort broker TCP port, 1 to 65535 (default 1883)
 * @param mqttVersion protocol of every vehicle (default MQTT 5)
 * @param mqttClient the MQTT client library of every vehicle (default {@link MqttClientLibrary#HIVEMQ});
 *     {@link MqttClientLibrary#PAHO} speaks MQTT 5 only
 * @param vehicles number of vehicles, 0 or more (default 10)
 * @param seed seed of VINs, profiles and wear (default 1)
 * @param clock the simulated clock: vehicle time in headers, wear, report schedule (default: starts now,
 *     speed 1)
 * @param wallClock real time; used for boot ids (default system UTC)
 * @param reportInterval periodic Smart Service report every this much simulated time (default 1 h)
 * @param sampleInterval the car evaluates its state every this much simulated time (default 10 min),
 *     but at most every 100 ms of real time
 * @param thresholds Smart Service threshold limits (default {@link Thresholds#defaults()})
 * @param outboxCapacity messages a vehicle keeps while offline, at least 1 (default 100)
 * @param connectConcurrency CONNECTs in flight at once during {@link Fleet#start()}, at least 1
 *     (default 200)
 * @param connectRate at most this many CONNECTs per second, first connects and reconnects alike (a
 *     token bucket holding a tenth of a second's worth); 0 for no limit (default 0)
 * @param shard the part of the fleet this process runs (default {@link Shard#whole()}); {@code vehicles}
 *     and {@code seed} describe the whole fleet
 * @param tls TLS to the broker, or null for plain TCP (default null)
 * @param credentials user name and password of each car, if the broker wants them (default
 *     {@link VehicleCredentials#none()})
 * @param privacyFraction share of the fleet in privacy mode from the start, 0 to 1 (default 0): the car
 *     at index {@code i} of the VIN list is private when {@code floor((i + 1) * f) > floor(i * f)}, so
 *     {@code floor(vehicles * f)} cars, spread evenly and the same in every shard
 * @param historyCapacity uplinks and downlinks each car keeps in its {@link EmulatedVehicle#history()}, the
 *     newest ones, 0 to 100,000; 0 (the default) keeps none, so that a large fleet keeps its small heap per car
 * @param profiles the powertrain and driving profile forced on every car (default {@link ProfileChoice#ANY}: a
 *     realistic mix drawn from the seed); a forced powertrain also limits the VINs to lines built with it
 * @param manualUse how the simulated drivers open the manual chapters linked to the messages their cars show
 *     (default {@link ManualUse#defaults()})
 * @param softwareUpdate how the cars answer update offers, which release key they trust, install failures
 *     (default {@link SoftwareUpdatePolicy#defaults()}: no trusted key, so every package is refused)
 */
public record FleetConfig(
        String brokerHost,
        int brokerPort,
        MqttVersion mqttVersion,
        MqttClientLibrary mqttClient,
        int vehicles,
        long seed,
        SimulatedClock clock,
        Clock wallClock,
        Duration reportInterval,
        Duration sampleInterval,
        Thresholds thresholds,
        int outboxCapacity,
        int connectConcurrency,
        double connectRate,
        Shard shard,
        @Nullable BrokerTls tls,
        VehicleCredentials credentials,
        double privacyFraction,
        int historyCapacity,
        ProfileChoice profiles,
        ManualUse manualUse,
        SoftwareUpdatePolicy softwareUpdate) {

    /** The most messages of each direction a car's history can keep. */
    public static final int MAX_HISTORY = 100_000;

    public FleetConfig {
        Objects.requireNonNull(brokerHost, "brokerHost");
        Objects.requireNonNull(mqttVersion, "mqttVersion");
        Objects.requireNonNull(mqttClient, "mqttClient");
        if (mqttClient == MqttClientLibrary.PAHO && mqttVersion != MqttVersion.MQTT_5) {
            throw new IllegalArgumentException("the Paho client speaks MQTT 5 only, mqttVersion was " + mqttVersion);
        }
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(wallClock, "wallClock");
        Objects.requireNonNull(thresholds, "thresholds");
        if (brokerPort < 1 || brokerPort > 65_535) {
            throw new IllegalArgumentException("brokerPort must be 1 to 65535, was " + brokerPort);
        }
        if (vehicles < 0) {
            throw new IllegalArgumentException("vehicles must be 0 or more, was " + vehicles);
        }
        requirePositive("reportInterval", reportInterval);
        requirePositive("sampleInterval", sampleInterval);
        if (outboxCapacity < 1) {
            throw new IllegalArgumentException("outboxCapacity must be at least 1, was " + outboxCapacity);
        }
        if (connectConcurrency < 1) {
            throw new IllegalArgumentException("connectConcurrency must be at least 1, was " + connectConcurrency);
        }
        if (!(connectRate >= 0) || Double.isInfinite(connectRate)) {
            throw new IllegalArgumentException("connectRate must be 0 (no limit) or a positive number, was "
                    + connectRate);
        }
        Objects.requireNonNull(shard, "shard");
        Objects.requireNonNull(credentials, "credentials");
        if (!(privacyFraction >= 0 && privacyFraction <= 1)) {
            throw new IllegalArgumentException("privacyFraction must be between 0 and 1, was " + privacyFraction);
        }
        if (historyCapacity < 0 || historyCapacity > MAX_HISTORY) {
            throw new IllegalArgumentException("historyCapacity must be 0 (no history) to " + MAX_HISTORY + ", was "
                    + historyCapacity);
        }
        Objects.requireNonNull(profiles, "profiles");
        Objects.requireNonNull(manualUse, "manualUse");
        Objects.requireNonNull(softwareUpdate, "softwareUpdate");
    }

    /**
     * A configuration whose drivers use the manual as {@link ManualUse#defaults()} and whose cars have the default
     * software update policy, as before {@code manualUse} and {@code softwareUpdate} existed.
     */
    public FleetConfig(String brokerHost, int brokerPort, MqttVersion mqttVersion, MqttClientLibrary mqttClient,
            int vehicles, long seed, SimulatedClock clock, Clock wallClock, Duration reportInterval,
            Duration sampleInterval, Thresholds thresholds, int outboxCapacity, int connectConcurrency,
            double connectRate, Shard shard, @Nullable BrokerTls tls, VehicleCredentials credentials,
            double privacyFraction, int historyCapacity, ProfileChoice profiles) {
        this(brokerHost, brokerPort, mqttVersion, mqttClient, vehicles, seed, clock, wallClock, reportInterval,
                sampleInterval, thresholds, outboxCapacity, connectConcurrency, connectRate, shard, tls, credentials,
                privacyFraction, historyCapacity, profiles, ManualUse.defaults(), SoftwareUpdatePolicy.defaults());
    }

    /** A configuration with the seed's mix of powertrains and driving profiles, as before {@code profiles} existed. */
    public FleetConfig(String brokerHost, int brokerPort, MqttVersion mqttVersion, MqttClientLibrary mqttClient,
            int vehicles, long seed, SimulatedClock clock, Clock wallClock, Duration reportInterval,
            Duration sampleInterval, Thresholds thresholds, int outboxCapacity, int connectConcurrency,
            double connectRate, Shard shard, @Nullable BrokerTls tls, VehicleCredentials credentials,
            double privacyFraction, int historyCapacity) {
        this(brokerHost, brokerPort, mqttVersion, mqttClient, vehicles, seed, clock, wallClock, reportInterval,
                sampleInterval, thresholds, outboxCapacity, connectConcurrency, connectRate, shard, tls, credentials,
                privacyFraction, historyCapacity, ProfileChoice.ANY);
    }

    /** A configuration without history, as before {@code historyCapacity} existed. */
    public FleetConfig(String brokerHost, int brokerPort, MqttVersion mqttVersion, MqttClientLibrary mqttClient,
            int vehicles, long seed, SimulatedClock clock, Clock wallClock, Duration reportInterval,
            Duration sampleInterval, Thresholds thresholds, int outboxCapacity, int connectConcurrency,
            double connectRate, Shard shard, @Nullable BrokerTls tls, VehicleCredentials credentials,
            double privacyFraction) {
        this(brokerHost, brokerPort, mqttVersion, mqttClient, vehicles, seed, clock, wallClock, reportInterval,
                sampleInterval, thresholds, outboxCapacity, connectConcurrency, connectRate, shard, tls, credentials,
                privacyFraction, 0);
    }

    /** Whether the car at {@code index} (from 0) of the whole fleet's VIN list starts in privacy mode. */
    public boolean startsPrivate(int index) {
        return Math.floor((index + 1) * privacyFraction) > Math.floor(index * privacyFraction);
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be longer than 0, was " + value);
        }
    }

    /** Builder with the defaults listed on {@link FleetConfig}. Not thread-safe. */
    public static final class Builder {
        private String brokerHost = "127.0.0.1";
        private int brokerPort = 1883;
        private MqttVersion mqttVersion = MqttVersion.MQTT_5;
        private MqttClientLibrary mqttClient = MqttClientLibrary.HIVEMQ;
        private int vehicles = 10;
        private long seed = 1;
        private SimulatedClock clock;
        private Clock wallClock = Clock.systemUTC();
        private Duration reportInterval = Duration.ofHours(1);
        private Duration sampleInterval = Duration.ofMinutes(10);
        private Thresholds thresholds = Thresholds.defaults();
        private int outboxCapacity = 100;
        private int connectConcurrency = 200;
        private double connectRate;
        private Shard shard = Shard.whole();
        private @Nullable BrokerTls tls;
        private VehicleCredentials credentials = VehicleCredentials.none();
        private double privacyFraction;
        private int historyCapacity;
        private ProfileChoice profiles = ProfileChoice.ANY;
        private ManualUse manualUse = ManualUse.defaults();
        private SoftwareUpdatePolicy softwareUpdate = SoftwareUpdatePolicy.defaults();

        private Builder() {
        }

        public Builder brokerHost(String value) {
            this.brokerHost = value;
            return this;
        }

        public Builder brokerPort(int value) {
            this.brokerPort = value;
            return this;
        }

        public Builder mqttVersion(MqttVersion value) {
            this.mqttVersion = value;
            return this;
        }

        public Builder mqttClient(MqttClientLibrary value) {
            this.mqttClient = value;
            return this;
        }

        public Builder vehicles(int value) {
            this.vehicles = value;
            return this;
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        public Builder clock(SimulatedClock value) {
            this.clock = value;
            return this;
        }

        public Builder wallClock(Clock value) {
            this.wallClock = value;
            return this;
        }

        public Builder reportInterval(Duration value) {
            this.reportInterval = value;
            return this;
        }

        public Builder sampleInterval(Duration value) {
            this.sampleInterval = value;
            return this;
        }

        public Builder thresholds(Thresholds value) {
            this.thresholds = value;
            return this;
        }

        public Builder outboxCapacity(int value) {
            this.outboxCapacity = value;
            return this;
        }

        public Builder connectConcurrency(int value) {
            this.connectConcurrency = value;
            return this;
        }

        public Builder connectRate(double value) {
            this.connectRate = value;
            return this;
        }

        public Builder shard(Shard value) {
            this.shard = value;
            return this;
        }

        /** TLS to the broker; null for plain TCP. */
        public Builder tls(@Nullable BrokerTls value) {
            this.tls = value;
            return this;
        }

        public Builder credentials(VehicleCredentials value) {
            this.credentials = value;
            return this;
        }

        public Builder privacyFraction(double value) {
            this.privacyFraction = value;
            return this;
        }

        /**
         * Each car keeps its newest {@code capacity} uplinks and downlinks in {@link EmulatedVehicle#history()};
         * 0 for none (the default).
         */
        public Builder history(int capacity) {
            this.historyCapacity = capacity;
            return this;
        }

        /** The powertrain and driving profile of every car ({@link ProfileChoice#parse} reads a name). */
        public Builder profiles(ProfileChoice value) {
            this.profiles = value;
            return this;
        }

        /** How the simulated drivers open linked manual chapters and keep favourites. */
        public Builder manualUse(ManualUse value) {
            this.manualUse = value;
            return this;
        }

        /** How the cars handle software updates, and the release key they trust. */
        public Builder softwareUpdate(SoftwareUpdatePolicy value) {
            this.softwareUpdate = value;
            return this;
        }

        public FleetConfig build() {
            SimulatedClock simulated = clock != null ? clock : SimulatedClock.startingAt(wallClock.instant(), 1, wallClock);
            return new FleetConfig(brokerHost, brokerPort, mqttVersion, mqttClient, vehicles, seed, simulated, wallClock,
                    reportInterval, sampleInterval, thresholds, outboxCapacity, connectConcurrency, connectRate, shard, tls,
                    credentials, privacyFraction, historyCapacity, profiles, manualUse, softwareUpdate);
        }
    }
}
