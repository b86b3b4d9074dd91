package io.pcmsim.tools.vehicle;

import io.pcmsim.protocol.Vin;
import io.pcmsim.tools.cli.DurationConverter;
import io.pcmsim.tools.cli.LogLevel;
import io.pcmsim.tools.cli.ShutdownRequest;
import io.pcmsim.tools.fleet.BrokerAddress;
import io.pcmsim.tools.traffic.VinConverter;
import io.pcmsim.vehicle.fleet.BrokerTls;
import io.pcmsim.vehicle.fleet.Fleet;
import io.pcmsim.vehicle.fleet.FleetConfig;
import io.pcmsim.vehicle.manual.ManualUse;
import io.pcmsim.vehicle.model.ProfileChoice;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code pcmsim vehicle}: one emulated car with a console on standard input. */
@Command(
        name = "vehicle",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs one emulated car with its VIN against an MQTT broker (by default the one `pcmsim backend` runs on"
                    + " this machine) and reads commands from standard input, one per line, from a terminal or a"
                    + " script. Each command is answered with exactly one line on standard output: 'ok NAME ...'"
                    + " when done, 'error: ...' when not; the car keeps running either way. Blank lines and lines"
                    + " starting with # are skipped. 'quit' or the end of the input stops the car cleanly. Logs"
                    + " and the start-up line go to standard error.",
            "Commands: status, start, stop, drive KM [KMH], wait DURATION, workshop, privacy on|off,"
                    + " group with-location|without-location on|off, service NAME on|off, report, fault NAME|list,"
                    + " breakdown [--assistance yes|no] [--dealer yes|no], help [COMMAND],"
                    + " quit.",
            "Simulated time: the car starts at --start and its clock runs at --speed times real time; with"
                    + " --speed 0 it moves only when 'wait DURATION' moves it. A backend on real time accepts"
                    + " vehicle times at most a day ahead of its clock. 'wait' moves it in steps of the car's"
                    + " sample interval (10 min), the car doing at each step what it would (wear, trips, periodic"
                    + " and threshold reports), and answers once what it sent was acknowledged. 'drive' answers"
                    + " when the trip has started; the trip goes on as simulated time passes."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:after quit or the end of the input",
            "1:an unexpected error",
            "2:bad arguments (e.g. a VIN that breaks a VIN rule, an unknown --profile)",
            "3:the broker could not be reached, or did not let the car in, within --connect-timeout",
            "130:stopped by Ctrl-C (SIGINT), after the car disconnected cleanly",
            "143:stopped by SIGTERM, after the car disconnected cleanly"})
public final class VehicleCommand implements Callable<Integer> {

    static final int UNREACHABLE = 3;
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);

    @Spec
    private CommandSpec spec;

    @Option(names = "--vin", required = true, converter = VinConverter.class,
            description = "The car's VIN: 17 characters of 0-9 and A-Z without I, O and Q, with a valid check"
                    + " digit in position 9 where the maker's region uses one (e.g. WP0ZZZ99ZKS123456).")
    private Vin vin;

    @Option(names = "--broker", paramLabel = "URL", converter = BrokerAddress.Converter.class,
            defaultValue = "tcp://127.0.0.1:1883",
            description = "The broker: tcp://HOST:PORT, or ssl://HOST:PORT for TLS (default: ${DEFAULT-VALUE},"
                    + " where `pcmsim backend` listens).")
    private BrokerAddress broker;

    @Option(names = "--ca-file", paramLabel = "FILE",
            description = "With ssl://: trust the CA certificates in FILE (PEM) instead of the JDK's trust store.")
    private @Nullable Path caFile;

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "any",
            description = "Powertrain (combustion, plug-in-hybrid, battery-electric), driving profile (commuter,"
                    + " sporty, long-distance, rarely-driven) or both as POWERTRAIN/DRIVING; the VIN's model line must"
                    + " be built with the powertrain (default: ${DEFAULT-VALUE}, the car as VIN and seed make it).")
    private String profile;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the car's profile and wear: same VIN and seed, same car (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1",
            description = "Simulated seconds per real second; 0 = simulated time moves only by 'wait'"
                    + " (default: ${DEFAULT-VALUE}).")
    private double speed;

    @Option(names = "--start", paramLabel = "INSTANT",
            description = "Simulated time at the start, ISO-8601 UTC, e.g. 2027-01-01T08:00:00Z (default: now).")
    private @Nullable String start;

    @Option(names = "--connect-timeout", paramLabel = "D", defaultValue = "10s",
            converter = DurationConverter.class,
            description = "How long the car may take to connect at the start before the command gives up with exit"
                    + " code 3 (default: ${DEFAULT-VALUE}).")
    private Duration connectTimeout;

    @Option(names = "--release-key", paramLabel = "FILE",
            description = "The release public key the car trusts (PEM, as the backend writes it to its data folder or"
                    + " serves it at /api/v1/software-update/release-key); without it the car refuses every update."
                    + " Offers wait for 'update accept|defer|decline'.")
    private @Nullable Path releaseKey;

    @Option(names = "--verbose", description = "Show the libraries' log (INFO and up) on standard error.")
    private boolean verbose;

    private final InputStream in;

    /** Reads commands from the process's standard input. */
    public VehicleCommand() {
        this(System.in);
    }

    /** Reads commands from {@code in} (tests). */
    VehicleCommand(InputStream in) {
        this.in = in;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Instant startAt = validate();
        ProfileChoice choice = ProfileChoice.parse(profile);
        try (LogLevel logs = LogLevel.forRun(verbose);
             ShutdownRequest shutdown = ShutdownRequest.install(SHUTDOWN_GRACE)) {
            ConsoleTime time = new ConsoleTime(startAt, speed, Clock.systemUTC());
            FleetConfig config;
            Fleet fleet;
            try {
                config = FleetConfig.builder().brokerHost(broker.host()).brokerPort(broker.port())
                        .tls(broker.tls() ? (caFile == null ? BrokerTls.defaultTrust() : BrokerTls.trusting(caFile)) : null)
                        .vehicles(1).seed(seed).profiles(choice).clock(time.clock()).wallClock(Clock.systemUTC())
                        .manualUse(ManualUse.none())
                        .softwareUpdate(ConsoleUpdates.policy(releaseKey)).build();
                fleet = Fleet.create(config, List.of(vin));
            } catch (IllegalArgumentException e) {
                err.println("pcmsim vehicle: " + e.getMessage());
                return 2;
            }
            try (ConsoleCar car = new ConsoleCar(fleet, time, config.sampleInterval())) {
                shutdown.requested().thenRun(() -> {
                    car.close();
                    shutdown.close();
                });
                return run(car, fleet, err);
            }
        }
    }

    private int run(ConsoleCar car, Fleet fleet, PrintWriter err) throws IOException {
        String problem = FirstConnect.problem(fleet, broker, connectTimeout);
        if (problem != null) {
            err.println("pcmsim vehicle: " + problem);
            err.flush();
            return UNREACHABLE;
        }
        err.println("pcmsim vehicle: " + vin + " (" + car.vehicle().profile().modelLine().modelCode() + " MY"
                + car.vehicle().profile().modelYear() + ", profile " + car.profile() + ") online at " + broker
                + ", boot " + car.vehicle().bootId() + "; simulated time " + Texts.instant(car.now())
                + (car.time().running() ? ", running at " + Texts.number(speed, 3) + "x" : ", moving only by wait")
                + "; commands on standard input, one per line (help lists them)");
        err.flush();
        Console console = new Console(CommandTable.forCar(car),
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), spec.commandLine().getOut());
        console.run();
        err.println("pcmsim vehicle: stopping; " + console.answered() + " commands answered, " + console.errors()
                + " with an error");
        err.flush();
        return 0;
    }

    /** Checks what picocli cannot; a wrong value is a usage error (exit code 2). Returns the start instant. */
    private Instant validate() {
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw usage("--speed must be 0 (time moves only by wait) or a number above 0, was " + speed);
        }
        try {
            ProfileChoice.parse(profile);
        } catch (IllegalArgumentException e) {
            throw usage("--profile: " + e.getMessage());
        }
        if (caFile != null && !broker.tls()) {
            throw usage("--ca-file is for TLS: give the broker as ssl://HOST:PORT");
        }
        if (connectTimeout.isZero() || connectTimeout.isNegative()) {
            throw usage("--connect-timeout must be positive, was " + connectTimeout);
        }
        if (start == null) {
            return Instant.now().truncatedTo(ChronoUnit.SECONDS);
        }
        try {
            return Instant.parse(start);
        } catch (DateTimeParseException e) {
            throw usage("--start must be an instant in ISO-8601 UTC such as 2027-01-01T08:00:00Z, was '" + start + "'");
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
