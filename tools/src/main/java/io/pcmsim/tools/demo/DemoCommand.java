package io.pcmsim.tools.demo;

import io.pcmsim.tools.cli.DurationConverter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pcmsim demo}: embedded broker, backend and a simulated fleet in one process. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs the embedded MQTT broker, the backend and a fleet of emulated cars in one process.",
            "Cars log in with their VINs and send Smart Service reports; the backend stores them and derives "
                    + "maintenance needs. Part of the fleet switches privacy mode on for the middle half of the run: "
                    + "the broker must receive nothing from those cars meanwhile.",
            "Exit codes: 0 done, 1 failed, 2 bad arguments, 3 privacy violation or nothing stored, "
                    + "4 the backend fell behind (messages the broker received were not stored by the end)."
        })
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--vehicles", defaultValue = "20", description = "Number of cars (default: ${DEFAULT-VALUE}).")
    int vehicles;

    @Option(names = "--duration", defaultValue = "30s", converter = DurationConverter.class,
            description = "Real time to run, e.g. 30s, 2m (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--speed", defaultValue = "3600",
            description = "Simulated seconds per real second; 3600 = one hour per second (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the fleet: same seed, same cars (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--privacy-fraction", defaultValue = "0.2",
            description = "Share of cars in privacy mode for the middle half of the run, 0..1 (default: ${DEFAULT-VALUE}).")
    double privacyFraction;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the result as JSON to FILE.")
    Path report;

    @Option(names = "--port", defaultValue = "0", description = "Broker port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--mqtt-version", defaultValue = "5", description = "MQTT version of the cars: 3 or 5 (default: ${DEFAULT-VALUE}).")
    int mqttVersion;

    @Option(names = "--report-interval", defaultValue = "1h", converter = DurationConverter.class,
            description = "Simulated time between periodic Smart Service reports (default: ${DEFAULT-VALUE}).")
    Duration reportInterval;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep broker and backend data in DIR (default: a temporary folder removed at the end).")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DemoOptions options;
        try {
            options = new DemoOptions(vehicles, duration, speed, seed, privacyFraction, port, mqttVersion,
                    reportInterval, Optional.ofNullable(dataDir));
        } catch (IllegalArgumentException e) {
            err.println("pcmsim demo: " + e.getMessage());
            return 2;
        }
        out.printf("pcmsim demo: %d cars for %s at %.0fx (%s simulated), seed %d, %d in privacy mode%n",
                options.vehicles(), DemoResult.human(options.duration()), options.speed(),
                DemoResult.human(Duration.ofMillis((long) (options.duration().toMillis() * options.speed()))),
                options.seed(), options.privacyVehicles());
        out.flush();

        DemoResult result;
        try {
            result = new DemoRun(options, new StatusLine(out, System.console() != null), Clock.systemUTC()).run();
        } catch (Exception e) {
            err.println("pcmsim demo failed: " + describe(e));
            return 1;
        }
        out.println(result.summary());
        if (report != null) {
            try {
                result.writeJson(report);
                out.println("  report written to " + report.toAbsolutePath());
            } catch (RuntimeException e) {
                err.println("pcmsim demo: " + e.getMessage());
                return 1;
            }
        }
        out.flush();
        if (result.messagesReceivedWhilePrivate() > 0) {
            err.println("pcmsim demo: privacy mode was not honoured: " + result.messagesReceivedWhilePrivate()
                    + " messages received from cars while they were private");
            return 3;
        }
        if (result.stored() == 0) {
            err.println("pcmsim demo: the backend stored no report; is the broker reachable from the cars?");
            return 3;
        }
        if (result.notHandledByBackend() > 0) {
            err.println("pcmsim demo: the backend fell behind: " + result.notHandledByBackend() + " of "
                    + result.uplinkReceivedByBroker() + " messages the broker received were not stored when the run"
                    + " ended; use fewer --vehicles or a lower --speed (see docs/performance.md)");
            return 4;
        }
        return 0;
    }

    private static String describe(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.util.concurrent.ExecutionException
                || t instanceof java.util.concurrent.CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
