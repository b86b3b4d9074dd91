package io.pcmsim.tools.fleet;

import io.pcmsim.protocol.Vin;
import io.pcmsim.time.SimulatedClock;
import io.pcmsim.tools.cli.DurationConverter;
import io.pcmsim.tools.cli.LogLevel;
import io.pcmsim.tools.cli.MetricsOption;
import io.pcmsim.tools.cli.ShutdownRequest;
import io.pcmsim.tools.cli.StatusLine;
import io.pcmsim.tools.cli.WritablePath;
import io.pcmsim.tools.metrics.MetricsServer;
import io.pcmsim.vehicle.fleet.BrokerTls;
import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import io.pcmsim.vehicle.fleet.Fleet;
import io.pcmsim.vehicle.fleet.FleetConfig;
import io.pcmsim.vehicle.softwareupdate.SoftwareUpdatePolicy;
import io.pcmsim.vehicle.fleet.MqttClientLibrary;
import io.pcmsim.vehicle.fleet.MqttVersion;
import io.pcmsim.vehicle.fleet.Shard;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code pcmsim fleet}: emulated cars against any MQTT broker. */
@Command(
        name = "fleet",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs a fleet of emulated cars against an MQTT broker of your choice (Mosquitto, HiveMQ, a cluster, "
                    + "another pcmsim's embedded broker). Each car connects with its VIN as client id, logs in and "
                    + "sends Smart Service reports at QoS 1; no backend is started.",
            "A status line shows, once per second: cars connected and connecting, acknowledged messages per "
                    + "second, the publish acknowledgement latency (p50/p99 since the last line) and errors "
                    + "(connection errors, messages the broker refused, messages dropped in the cars).",
            "At the end (--duration, or Ctrl-C / SIGTERM, which stop it cleanly) it prints a table and, with "
                    + "--report, writes JSON: cars, connects and the rate achieved, reconnects, messages per "
                    + "service and outcome (sent, acknowledged, refused by the broker, dropped, buffered in the cars "
                    + "at the end, held back by privacy mode), acknowledgement latency percentiles (HdrHistogram) "
                    + "and errors. The counts are the cars' own: they say what the broker acknowledged, not what "
                    + "a backend stored.",
            "One fleet can be split across processes or machines with --shard K/N: give every shard the same "
                    + "--vehicles and --seed; together the shards run exactly the fleet, no VIN twice.",
            "Exit codes: 0 done, 1 failed (broker unreachable, or it let no car in), 2 bad arguments or a "
                    + "--metrics-port in use, "
                    + "130 interrupted by Ctrl-C (SIGINT), 143 ended by SIGTERM."
        })
public final class FleetCommand implements Callable<Integer> {

    static final int INTERRUPTED = 130;
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(90);
    private static final Logger LOG = LoggerFactory.getLogger(FleetCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--broker", paramLabel = "URL", converter = BrokerAddress.Converter.class,
            description = "The broker: tcp://HOST:PORT, or ssl://HOST:PORT for TLS (ports 1883 and 8883 when left out).")
    @Nullable BrokerAddress broker;

    @Option(names = "--vehicles", paramLabel = "N", required = true,
            description = "Cars in the whole fleet (all shards together).")
    int vehicles;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of the fleet: same seed and size, same VINs and cars (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--shard", paramLabel = "K/N", converter = ShardConverter.class, defaultValue = "1/1",
            description = "Run only shard K of N of the fleet, e.g. 2/4 (default: ${DEFAULT-VALUE}, the whole fleet).")
    Shard shard;

    @Option(names = "--connect-rate", paramLabel = "R", defaultValue = "0",
            description = "At most R CONNECTs per second, first connects and reconnects alike; 0 = no limit "
                    + "(default: ${DEFAULT-VALUE}).")
    double connectRate;

    @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
            description = "Real time to run, e.g. 30s, 10m; without it the fleet runs until Ctrl-C.")
    @Nullable Duration duration;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1",
            description = "Simulated seconds per real second; 3600 = one hourly report per car per second "
                    + "(default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--report-interval", paramLabel = "D", defaultValue = "1h", converter = DurationConverter.class,
            description = "Simulated time between periodic Smart Service reports (default: ${DEFAULT-VALUE}).")
    Duration reportInterval;

    @Option(names = "--release-key", paramLabel = "FILE",
            description = "The backend's release public key (PEM) the cars trust for software updates; without it"
                    + " they refuse every update. Cars accept every offer.")
    @Nullable Path releaseKey;

    @Option(names = "--install-failure-fraction", paramLabel = "F", defaultValue = "0",
            description = "Share of software installs that fail, 0..1 (default: ${DEFAULT-VALUE}).")
    double installFailureFraction;

    @Option(names = "--privacy-fraction", paramLabel = "F", defaultValue = "0",
            description = "Share of cars in privacy mode for the whole run, 0..1; they never connect "
                    + "(default: ${DEFAULT-VALUE}).")
    double privacyFraction;

    @Option(names = "--mqtt-version", defaultValue = "5",
            description = "MQTT version of the cars: 3 (3.1.1) or 5 (default: ${DEFAULT-VALUE}).")
    int mqttVersion;

    @Option(names = "--mqtt-client", paramLabel = "LIBRARY", defaultValue = "hivemq",
            converter = MqttClientConverter.class,
            description = "MQTT client library of the cars: hivemq (shares two network threads among all cars: the "
                    + "one for large fleets) or paho (Eclipse Paho MQTT v5, three threads per connected car; MQTT 5 "
                    + "only) (default: ${DEFAULT-VALUE}).")
    MqttClientLibrary mqttClient;

    @Option(names = "--username", paramLabel = "TEMPLATE",
            description = "MQTT user name of every car; {vin} is replaced by the car's VIN, e.g. '{vin}'.")
    @Nullable String username;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "File whose first line is the password of every car ({vin} is replaced); needs --username.")
    @Nullable Path passwordFile;

    @Option(names = "--credentials-file", paramLabel = "FILE",
            description = "Per-car credentials: one line per car, 'VIN USERNAME PASSWORD'; # starts a comment line.")
    @Nullable Path credentialsFile;

    @Option(names = "--ca-file", paramLabel = "FILE",
            description = "With ssl://: trust the CA certificates in FILE (PEM) instead of the JDK's trust store.")
    @Nullable Path caFile;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Also write the result as JSON to FILE (its folder must exist).")
    @Nullable Path report;

    @Option(names = "--list-vins",
            description = "Print the VINs of the fleet (of this shard) one per line and exit, e.g. to set up "
                    + "the broker's accounts for --credentials-file.")
    boolean listVins;

    @Mixin
    MetricsOption metricsOption;

    @Option(names = "--verbose",
            description = "Show the libraries' log (INFO and up) and, when the run fails, the technical details.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        validate();
        if (listVins) {
            try (Fleet fleet = Fleet.create(FleetConfig.builder().vehicles(vehicles).seed(seed).shard(shard).build())) {
                fleet.vehicles().stream().map(EmulatedVehicle::vin).map(Vin::value).forEach(out::println);
            }
            out.flush();
            return 0;
        }
        BrokerAddress address = broker;
        if (address == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--broker=URL'");
        }
        if (report != null) {
            Optional<String> problem = WritablePath.fileProblem("--report", report);
            if (problem.isPresent()) {
                err.println("pcmsim fleet: " + problem.get());
                return 2;
            }
        }
        try (LogLevel logs = LogLevel.forRun(verbose);
             ShutdownRequest shutdown = ShutdownRequest.install(SHUTDOWN_GRACE)) {
            Clock wall = Clock.systemUTC();
            FleetConfig config;
            Fleet fleet;
            try {
                config = FleetConfig.builder()
                        .brokerHost(address.host()).brokerPort(address.port())
                        .tls(address.tls() ? (caFile == null ? BrokerTls.defaultTrust() : BrokerTls.trusting(caFile)) : null)
                        .credentials(CarCredentials.from(username, passwordFile, credentialsFile))
                        .mqttVersion(mqttVersion == 3 ? MqttVersion.MQTT_3_1_1 : MqttVersion.MQTT_5)
                        .mqttClient(mqttClient)
                        .vehicles(vehicles).seed(seed).shard(shard)
                        .connectRate(connectRate)
                        .privacyFraction(privacyFraction)
                        .clock(SimulatedClock.startingAt(wall.instant(), speed, wall)).wallClock(wall)
                        .reportInterval(reportInterval)
                        .softwareUpdate(updatePolicy())
                        .build();
                fleet = Fleet.create(config);
            } catch (IllegalArgumentException e) {
                err.println("pcmsim fleet: " + e.getMessage());
                return 2;
            }
            out.printf("pcmsim fleet: %d cars%s%s against %s, seed %d, speed %sx, %s%n", fleet.vehicles().size(),
                    shard.count() == 1 ? "" : " (shard " + shard + " of " + vehicles + ")",
                    mqttClient == MqttClientLibrary.PAHO ? " on the Paho client" : "", address, seed,
                    speed == Math.rint(speed) ? String.valueOf((long) speed) : String.valueOf(speed),
                    duration == null ? "until Ctrl-C" : "for " + BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString() + " s");
            out.flush();
            MetricsOption.Endpoint metrics;
            try {
                metrics = metricsOption.open(out);
            } catch (MetricsServer.StartException e) {
                fleet.close();
                err.println("pcmsim fleet: " + e.getMessage());
                return 2;
            }
            FleetReport result;
            try (metrics; Fleet running = fleet) {
                metrics.metrics().bind(running);
                try {
                    result = new FleetRun(config, address, duration, StatusLine.on(out), wall, shutdown.requested())
                            .run(running);
                } catch (FleetFailure e) {
                    LOG.error("pcmsim fleet failed: {}", e.getMessage(), e);
                    err.println("pcmsim fleet: " + e.getMessage());
                    err.flush();
                    return 1;
                }
                return finish(result, out, err);
            }
        }
    }

    /** Option values picocli cannot check alone; a wrong one is a usage error (exit 2). */
    private void validate() {
        if (vehicles < 1) {
            throw usage("--vehicles must be at least 1, was " + vehicles);
        }
        if (!(connectRate >= 0) || Double.isInfinite(connectRate)) {
            throw usage("--connect-rate must be 0 (no limit) or a positive number of CONNECTs per second, was "
                    + connectRate);
        }
        if (duration != null && (duration.isZero() || duration.isNegative())) {
            throw usage("--duration must be positive, was " + duration);
        }
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw usage("--speed must be a number above 0, was " + speed);
        }
        if (reportInterval.isZero() || reportInterval.isNegative()) {
            throw usage("--report-interval must be positive, was " + reportInterval);
        }
        if (!(privacyFraction >= 0 && privacyFraction <= 1)) {
            throw usage("--privacy-fraction must be between 0 and 1, was " + privacyFraction);
        }
        if (mqttVersion != 3 && mqttVersion != 5) {
            throw usage("--mqtt-version must be 3 or 5, was " + mqttVersion);
        }
        if (mqttClient == MqttClientLibrary.PAHO && mqttVersion != 5) {
            throw usage("--mqtt-client paho speaks MQTT 5 only: leave out --mqtt-version 3");
        }
        if (caFile != null && broker != null && !broker.tls()) {
            throw usage("--ca-file is for TLS: give the broker as ssl://HOST:PORT");
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private int finish(FleetReport result, PrintWriter out, PrintWriter err) {
        out.println(result.table());
        if (report != null) {
            try {
                result.writeJson(report);
                out.println("  report written to " + report.toAbsolutePath());
            } catch (RuntimeException e) {
                LOG.error("report not written", e);
                err.println("pcmsim fleet: " + e.getMessage());
                return 1;
            }
        }
        out.flush();
        if (result.interrupted()) {
            err.println("pcmsim fleet: interrupted; the table" + (report != null ? " and the report show" : " shows")
                    + " what was measured until then");
            err.flush();
            return INTERRUPTED;
        }
        return 0;
    }

    private SoftwareUpdatePolicy updatePolicy() {
        SoftwareUpdatePolicy policy = SoftwareUpdatePolicy.defaults().withInstallFailures(installFailureFraction);
        return releaseKey == null ? policy : policy.withTrustedKey(SoftwareUpdatePolicy.readKey(releaseKey));
    }
}
