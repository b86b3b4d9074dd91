package io.pcmsim.tools.bench;

import io.pcmsim.proto.v1.SmartServiceReport;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.UplinkCodec;
import io.pcmsim.protocol.UplinkHeader;
import io.pcmsim.protocol.Vin;
import io.pcmsim.time.SimulatedClock;
import io.pcmsim.tools.broker.MosquittoProcess;
import io.pcmsim.tools.cli.DurationConverter;
import io.pcmsim.tools.cli.LogLevel;
import io.pcmsim.tools.cli.TemporaryFolder;
import io.pcmsim.tools.cli.WritablePath;
import io.pcmsim.tools.fleet.BrokerAddress;
import io.pcmsim.vehicle.fleet.FleetConfig;
import io.pcmsim.vehicle.fleet.VinGenerator;
import io.pcmsim.vehicle.model.VehicleModel;
import io.pcmsim.vehicle.model.VehicleProfiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pcmsim bench fleet}: how many cars one JVM holds and what they cost, against a bare loop of MQTT
 * clients on the same client library and shared executors, side by side in one run. Per mode (idle:
 * speed 1, hourly reports; busy: speed 3600, one report per car per second) it measures first the bare
 * clients, then the fleet, each against the same broker and closed before the next starts.
 */
@Command(
        name = "fleet",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Measures the fleet against bare MQTT clients (HiveMQ client, the fleet's shared executors, no car model)"
                    + " side by side, per mode: idle (speed 1, one report per car per hour) and busy (speed 3600,"
                    + " one report per car per second). For each side: first connects per second and time to all"
                    + " connected, heap per connected client after a full GC, QoS 1 publishes acknowledged per second"
                    + " over a measuring window, errors, threads; and the fleet against its targets.",
            "By default it starts a Mosquitto of its own on a free port (the mosquitto binary must be installed);"
                    + " it inherits this process's open files limit (ulimit -n), as does the JVM: N clients need N"
                    + " file descriptors in each.",
            "Exit codes: 0 measured, 1 failed (broker cannot start or be reached), 2 bad arguments."
        })
public final class FleetBenchCommand implements Callable<Integer> {

    /** File descriptors the JVM needs besides one per connection (jars, epoll, pipes, the broker's log). */
    static final int SPARE_FILES = 100;
    private static final double BUSY_SPEED = 3600;
    private static final int WARM_UP_CLIENTS = 500;

    /** Which modes to run. */
    enum Mode { idle, busy, both }

    @Spec
    CommandSpec spec;

    @Option(names = "--vehicles", paramLabel = "N", defaultValue = "1000",
            description = "Clients per side: bare clients, then cars (default: ${DEFAULT-VALUE}).")
    int vehicles;

    @Option(names = "--mode", defaultValue = "both",
            description = "idle, busy or both (default: ${DEFAULT-VALUE}).")
    Mode mode;

    @Option(names = "--broker", paramLabel = "URL", converter = BrokerAddress.Converter.class,
            description = "MQTT broker tcp://HOST:PORT (default: a Mosquitto of its own on a free port).")
    @Nullable BrokerAddress broker;

    @Option(names = "--connect-rate", paramLabel = "R", defaultValue = "0",
            description = "At most R CONNECTs per second on both sides; 0 = no limit (default: ${DEFAULT-VALUE}).")
    double connectRate;

    @Option(names = "--connect-concurrency", paramLabel = "C",
            description = "CONNECTs in flight at most on both sides (default: the fleet's default, "
                    + "FleetConfig.connectConcurrency).")
    @Nullable Integer connectConcurrency;

    @Option(names = "--duration", paramLabel = "D", defaultValue = "20s", converter = DurationConverter.class,
            description = "Measuring window of each side, after all connected and the warm-up (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--warmup", paramLabel = "D", defaultValue = "5s", converter = DurationConverter.class,
            description = "Wait after all connected before the window (default: ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--connect-timeout", paramLabel = "D", converter = DurationConverter.class,
            description = "Most time for the connect phase of a side (default: 60 s plus 20 ms per client).")
    @Nullable Duration connectTimeout;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the VINs (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the figures as JSON to FILE.")
    @Nullable Path report;

    @Option(names = "--verbose", description = "Show the libraries' log.")
    boolean verbose;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int concurrency = validate();
        if (report != null) {
            Optional<String> problem = WritablePath.fileProblem("--report", report);
            if (problem.isPresent()) {
                err.println("pcmsim bench fleet: " + problem.get());
                return 2;
            }
        }
        long maxFiles = JvmProbe.maxOpenFiles();
        if (maxFiles > 0 && vehicles + SPARE_FILES > maxFiles) {
            err.printf("pcmsim bench fleet: %d clients need about %d file descriptors in this JVM%s, the limit is %d"
                    + " (ulimit -n; the hard limit is ulimit -Hn): use fewer --vehicles or split a fleet with"
                    + " `pcmsim fleet --shard K/N`%n", vehicles, vehicles + SPARE_FILES,
                    broker == null ? " and in its Mosquitto" : "", maxFiles);
            return 2;
        }
        try (LogLevel logs = LogLevel.forRun(verbose);
             TemporaryFolder folder = TemporaryFolder.create("pcmsim-bench-fleet-");
             MosquittoProcess own = broker == null ? startOwnBroker(folder.path(), err) : null) {
            if (broker == null && own == null) {
                return 1;
            }
            if (broker != null) {
                Optional<String> unreachable = unreachable(broker);
                if (unreachable.isPresent()) {
                    err.println("pcmsim bench fleet: cannot reach the MQTT broker at " + broker + ": "
                            + unreachable.get() + "; check --broker, or leave it out to use a Mosquitto of its own");
                    return 1;
                }
            }
            String host = own != null ? MosquittoProcess.HOST : broker.host();
            int port = own != null ? own.port() : broker.port();
            String url = own != null ? own.url() : broker.toString();
            out.printf("pcmsim bench fleet: %d clients per side against %s; after an unmeasured warm-up round each"
                            + " side connects, waits %s s, is measured for %s s, then stops%n", vehicles, url,
                    warmup.toSeconds(), duration.toSeconds());
            out.flush();
            List<Vin> vins = new VinGenerator(seed).generate(vehicles);
            byte[] payload = reportPayload(vins.isEmpty() ? null : vins.get(0));
            Duration timeout = connectTimeout != null ? connectTimeout
                    : Duration.ofSeconds(60).plusMillis(20L * vehicles);
            SideMeasurement measurement = new SideMeasurement(timeout, warmup, duration);
            warmUp(host, port, vins, concurrency, payload, timeout);
            List<FleetBenchReport.ModeFigures> modes = new ArrayList<>();
            for (String name : mode == Mode.both ? List.of("idle", "busy") : List.of(mode.name())) {
                double speed = name.equals("busy") ? BUSY_SPEED : 1;
                Duration period = Duration.ofHours(1).dividedBy((long) speed);
                SideFigures bare = measurement.measure("bare", vehicles,
                        () -> new BareClients(host, port, vins, concurrency, connectRate, period, payload));
                out.printf("  %s, bare clients: %d connected at %.1f per second, %.1f acknowledged per second%n",
                        name, bare.connected(), bare.connectsPerSecond(), bare.acknowledgedPerSecond());
                out.flush();
                SideFigures fleet = measurement.measure("fleet", vehicles,
                        () -> new FleetLoad(fleetConfig(host, port, concurrency, speed, vehicles)));
                out.printf("  %s, fleet: %d connected at %.1f per second, %.1f acknowledged per second%n",
                        name, fleet.connected(), fleet.connectsPerSecond(), fleet.acknowledgedPerSecond());
                out.flush();
                modes.add(new FleetBenchReport.ModeFigures(name, speed, vehicles / (double) period.toSeconds(),
                        name.equals("busy") ? 20_000 : 10_000, bare, fleet));
            }
            FleetBenchReport result = new FleetBenchReport(url, own != null ? "own Mosquitto" : "external", vehicles,
                    connectRate, concurrency, Runtime.getRuntime().availableProcessors(), maxFiles,
                    Runtime.getRuntime().maxMemory(), modes);
            out.println();
            out.print(result.table());
            if (report != null) {
                result.writeJson(report);
                out.println("  report written to " + report.toAbsolutePath());
            }
            out.flush();
            return 0;
        }
    }

    /**
     * Connects a few hundred bare clients and cars once, unmeasured, so that neither side measured first
     * pays for loading and compiling the code both share.
     */
    private void warmUp(String host, int port, List<Vin> vins, int concurrency, byte[] payload, Duration timeout)
            throws InterruptedException {
        List<Vin> few = vins.subList(0, Math.min(vins.size(), WARM_UP_CLIENTS));
        SideMeasurement once = new SideMeasurement(timeout, Duration.ZERO, Duration.ofSeconds(1));
        once.measure("warm-up", few.size(), () -> new BareClients(host, port, few, concurrency, connectRate,
                Duration.ofSeconds(1), payload));
        once.measure("warm-up", few.size(), () -> new FleetLoad(fleetConfig(host, port, concurrency, BUSY_SPEED,
                few.size())));
    }

    private int validate() {
        if (vehicles < 1) {
            throw usage("--vehicles must be at least 1, was " + vehicles);
        }
        if (!(connectRate >= 0) || Double.isInfinite(connectRate)) {
            throw usage("--connect-rate must be 0 (no limit) or a positive number of CONNECTs per second, was "
                    + connectRate);
        }
        int concurrency = connectConcurrency != null ? connectConcurrency
                : FleetConfig.builder().build().connectConcurrency();
        if (concurrency < 1) {
            throw usage("--connect-concurrency must be at least 1, was " + concurrency);
        }
        for (var option : List.of(new Object[] {"--duration", duration}, new Object[] {"--warmup", warmup},
                new Object[] {"--connect-timeout", connectTimeout})) {
            Duration value = (Duration) option[1];
            if (value != null && (value.isNegative() || (value.isZero() && !option[0].equals("--warmup")))) {
                throw usage(option[0] + " must be positive, was " + value);
            }
        }
        if (broker != null && broker.tls()) {
            throw usage("--broker must be tcp://HOST:PORT: the benchmark does not speak TLS, was " + broker);
        }
        return concurrency;
    }

    /** Why a TCP connection to the broker cannot be opened within 5 s, if it cannot. */
    private static Optional<String> unreachable(BrokerAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.host(), address.port()), 5_000);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private FleetConfig fleetConfig(String host, int port, int concurrency, double speed, int cars) {
        Clock wall = Clock.systemUTC();
        return FleetConfig.builder().brokerHost(host).brokerPort(port).vehicles(cars).seed(seed)
                .connectRate(connectRate).connectConcurrency(concurrency)
                .clock(SimulatedClock.startingAt(wall.instant(), speed, wall)).wallClock(wall)
                .reportInterval(Duration.ofHours(1))
                .build();
    }

    private static @Nullable MosquittoProcess startOwnBroker(Path dir, PrintWriter err) {
        Optional<Path> binary = MosquittoProcess.findBinary();
        if (binary.isEmpty()) {
            err.println("pcmsim bench fleet: mosquitto is not installed (e.g. `apt-get install mosquitto`);"
                    + " or give a broker with --broker tcp://HOST:PORT");
            return null;
        }
        try {
            MosquittoProcess broker = MosquittoProcess.prepare(binary.get(), dir, ownBrokerSettings());
            broker.start();
            return broker;
        } catch (IOException | IllegalStateException e) {
            err.println("pcmsim bench fleet: cannot start mosquitto: " + e.getMessage());
            return null;
        }
    }

    /**
     * The own broker: no limit on connections, no persistence, no log line per connection, room for each
     * client's in-flight window and more queued messages than any client holds.
     */
    static List<String> ownBrokerSettings() {
        return List.of("max_connections -1", "persistence false", "connection_messages false",
                "max_inflight_messages 20", "max_queued_messages 1000", "max_keepalive 65535");
    }

    /** One pre-encoded periodic Smart Service report, as a car of the fleet sends it. */
    private static byte[] reportPayload(@Nullable Vin vin) {
        Vin car = vin != null ? vin : new VinGenerator(1).next();
        Instant now = Instant.now();
        VehicleModel model = new VehicleModel(VehicleProfiles.generate(car, 1, now));
        return UplinkEnvelope.newBuilder()
                .setHeader(UplinkCodec.header(new UplinkHeader(car, 1, 2, now)))
                .setSmartService(SmartServiceReport.newBuilder().setTrigger(SmartServiceReport.Trigger.PERIODIC)
                        .setState(UplinkCodec.state(model.snapshot()))
                        .setModelCode(model.profile().modelLine().modelCode())
                        .setModelYear(model.profile().modelYear()))
                .build().toByteArray();
    }
}
