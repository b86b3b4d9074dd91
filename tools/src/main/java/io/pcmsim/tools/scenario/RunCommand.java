package io.pcmsim.tools.scenario;

import io.pcmsim.tools.cli.LogLevel;
import io.pcmsim.tools.cli.MetricsOption;
import io.pcmsim.tools.cli.ShutdownRequest;
import io.pcmsim.tools.metrics.MetricsServer;
import io.pcmsim.tools.cli.StatusLine;
import io.pcmsim.tools.cli.TemporaryFolder;
import io.pcmsim.tools.cli.WritablePath;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pcmsim run FILE}: runs a scenario file and checks its expectations. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs a scenario file (YAML, see docs/scenarios.md): a fleet in groups, a timeline of events on "
                    + "simulated time (drives, privacy mode, outages, cars that come and go, faults, breakdown calls, "
                    + "a broker restart, ...) "
                    + "and expectations checked at the end, so the file is also an acceptance test.",
            "The file is checked first: every problem is printed with its file, line and field, and nothing starts.",
            "Ctrl-C (or SIGTERM) ends the run early: everything is stopped and the summary shows what was "
                    + "measured until then (marked interrupted).",
            "Exit codes: 0 every expectation met, 1 the run failed, 2 the file or an option is wrong, "
                    + "5 an expectation failed (each is named with expected and actual), 130 interrupted by Ctrl-C "
                    + "(SIGINT), 143 ended by SIGTERM."
        })
public final class RunCommand implements Callable<Integer> {

    /** Exit code of a run whose expectations were not all met. */
    public static final int EXPECTATION_FAILED = 5;
    static final int INTERRUPTED = 130;
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(90);
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The scenario file (YAML).")
    Path file;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Also write the result as JSON to FILE (its folder must exist).")
    @Nullable Path report;

    @Option(names = "--speed", paramLabel = "X",
            description = "Simulated seconds per real second, instead of the file's clock.speed.")
    @Nullable Double speed;

    @Option(names = "--vehicles-scale", paramLabel = "F", defaultValue = "1",
            description = "Multiply every group's count by F (at least 1 car per group), and the counts of the "
                    + "stored, maintenanceNeeds, breakdownCases and pullsTimedOut expectations likewise, e.g. 0.01 to try a large scenario small "
                    + "(default: ${DEFAULT-VALUE}).")
    double vehiclesScale;

    @Mixin
    MetricsOption metricsOption;

    @Option(names = "--verbose",
            description = "Show the libraries' log (INFO and up) and, when the run fails, the technical details.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Scenario scenario;
        try {
            scenario = prepare();
        } catch (ScenarioException e) {
            e.problems().forEach(p -> err.println("pcmsim run: " + p));
            err.println("pcmsim run: " + e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems")
                    + " in " + file + "; nothing was started (format: docs/scenarios.md)");
            err.flush();
            return 2;
        }
        try (LogLevel logs = LogLevel.forRun(verbose);
             ShutdownRequest shutdown = ShutdownRequest.install(SHUTDOWN_GRACE)) {
            TemporaryFolder data;
            try {
                data = TemporaryFolder.create("pcmsim-run-");
            } catch (UncheckedIOException e) {
                return failed(err, "cannot create a temporary folder in " + System.getProperty("java.io.tmpdir"), e);
            }
            try (TemporaryFolder removedAtTheEnd = data) {
                out.printf("pcmsim run %s: %d cars in %d groups, %d events, %s simulated at %sx, seed %d%n",
                        scenario.name(), scenario.vehicles(), scenario.groups().size(), scenario.timeline().size(),
                        DurationText.of(scenario.duration()), number(scenario.speed()), scenario.seed());
                out.flush();
                MetricsOption.Endpoint metrics;
                try {
                    metrics = metricsOption.open(out);
                } catch (MetricsServer.StartException e) {
                    err.println("pcmsim run: " + e.getMessage());
                    return 2;
                }
                ScenarioResult result;
                try (metrics) {
                    result = new ScenarioRun(scenario, data.path(), StatusLine.on(out), Clock.systemUTC(),
                            shutdown.requested(), metrics.metrics()).run();
                } catch (ScenarioFailure e) {
                    return failed(err, e.getMessage(), e);
                } catch (RuntimeException e) {
                    return failed(err, "the run stopped because of an unexpected error", e);
                }
                return finish(result, out, err);
            }
        }
    }

    /** Reads and checks the file and the options; every problem at once. */
    Scenario prepare() {
        List<String> problems = new ArrayList<>();
        if (!(vehiclesScale > 0 && vehiclesScale <= 100)) {
            problems.add("--vehicles-scale must be above 0 and at most 100, was " + vehiclesScale);
        }
        if (speed != null && !(speed > 0 && speed <= 1e9)) {
            problems.add("--speed must be above 0 (at most 1e9), was " + speed);
        }
        if (report != null) {
            WritablePath.fileProblem("--report", report).ifPresent(problems::add);
        }
        Scenario scenario;
        try {
            scenario = ScenarioParser.parse(file);
        } catch (ScenarioException e) {
            problems.addAll(e.problems());
            throw new ScenarioException(problems);
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        Scenario scaled = vehiclesScale == 1 ? scenario : scenario.scaled(vehiclesScale);
        if (scaled.vehicles() > ScenarioParser.MAX_VEHICLES) {
            throw new ScenarioException(List.of("--vehicles-scale " + vehiclesScale + " makes " + scaled.vehicles()
                    + " cars; at most " + ScenarioParser.MAX_VEHICLES));
        }
        Scenario result = speed == null ? scaled : scaled.withSpeed(speed);
        List<String> unknownVins = FleetVins.unknown(result);
        if (!unknownVins.isEmpty()) {
            throw new ScenarioException(unknownVins);
        }
        return result;
    }

    private int failed(PrintWriter err, String sentence, Throwable details) {
        LOG.error("pcmsim run failed: {}", sentence, details);
        err.println("pcmsim run failed: " + sentence + (verbose ? "" : " (--verbose shows the details)"));
        err.flush();
        return 1;
    }

    private int finish(ScenarioResult result, PrintWriter out, PrintWriter err) {
        out.println(result.summary());
        if (report != null) {
            try {
                result.writeJson(report);
                out.println("  report written to " + report.toAbsolutePath());
            } catch (RuntimeException e) {
                LOG.error("report not written", e);
                err.println("pcmsim run: " + e.getMessage());
                return 1;
            }
        }
        out.flush();
        if (result.interrupted()) {
            err.println("pcmsim run: interrupted; the summary shows what was measured until then");
            err.flush();
            return INTERRUPTED;
        }
        List<Outcome> failed = result.failed();
        if (!failed.isEmpty()) {
            failed.forEach(o -> err.println("pcmsim run: expectation not met: " + o.located(result.name())));
            err.flush();
            return EXPECTATION_FAILED;
        }
        return 0;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
