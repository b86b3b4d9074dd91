package io.pcmsim.tools.traffic;

import io.pcmsim.tools.cli.LogLevel;
import io.pcmsim.tools.cli.ShutdownRequest;
import io.pcmsim.tools.cli.StatusLine;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pcmsim replay}: a recording played back against a broker, as the cars sent it. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Plays a recording made by 'pcmsim record' back against a broker: each car's uplinks, presence and map "
                    + "messages on a connection of its own whose client id is the car's VIN (map messages: "
                    + "map-<anonymous key>), with the QoS and retain flag recorded, at the recorded timing "
                    + "(--speed 1), faster (--speed 10) or as fast as possible (--speed max). Downlinks and the map "
                    + "provider's answers are the backend's side: they are skipped and counted.",
            "--rewrite-vins gives every car a new valid VIN (from --seed, never one of the recording's) in topics, "
                    + "client ids and the protobuf headers; a payload that cannot be decoded, or that names an "
                    + "original VIN outside its header, is skipped and counted, so no original VIN reaches the broker.",
            "At the end a table shows what was replayed (acknowledged by the broker) per direction and service, "
                    + "skipped and failed per reason, and how far behind its schedule the replay ran.",
            "Exit codes: 0 done, 1 failed (recording unreadable or corrupt, broker unreachable, messages refused or "
                    + "unacknowledged), 2 bad arguments, 130 ended by Ctrl-C (SIGINT), 143 by SIGTERM."
        })
public final class ReplayCommand implements Callable<Integer> {

    private static final int MAX_IN_FLIGHT = 1000;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The recording.")
    Path file;

    @Mixin
    BrokerOptions broker = new BrokerOptions();

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1", converter = SpeedConverter.class,
            description = "1 = the recorded timing, 10 = ten times faster, max = as fast as possible "
                    + "(default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--rewrite-vins", description = "Give every car of the recording a new valid VIN.")
    boolean rewriteVins;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the new VINs of --rewrite-vins: same recording and seed, same VINs "
                    + "(default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--uplinks-only", description = "Replay only uplinks (no presence, no map messages).")
    boolean uplinksOnly;

    @Option(names = "--verbose", description = "Show the libraries' log (INFO and up).")
    boolean verbose;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String problem = broker.problem();
        if (problem != null) {
            err.println("pcmsim replay: " + problem);
            return 2;
        }
        RecordingScan scan;
        try {
            scan = RecordingScan.of(file);
        } catch (UncheckedIOException | BrokenRecordingException e) {
            err.println("pcmsim replay: " + e.getMessage());
            return 1;
        }
        if (scan.broken() != null) {
            err.println("pcmsim replay: " + scan.broken().getMessage() + "; replaying the " + scan.records()
                    + " messages before it");
        }
        out.printf(Locale.ROOT, "pcmsim replay: %d messages of %d cars (%.1f s) from %s against %s, speed %s%s%n",
                scan.records(), scan.vins().size(), scan.spanSeconds(), file, broker.address(),
                speed == Double.POSITIVE_INFINITY ? "max" : String.valueOf(speed),
                rewriteVins ? ", VINs rewritten (seed " + seed + ")" : "");
        out.flush();
        try (LogLevel logs = LogLevel.forRun(verbose);
             ShutdownRequest shutdown = ShutdownRequest.install(ACK_TIMEOUT.plusSeconds(30));
             ReplayConnections connections = new ReplayConnections(broker);
             StopSignals progress = new StopSignals("replay", null, 0)) {
            Clock clock = Clock.systemUTC();
            Replay replay = new Replay(file, new Replay.Options(speed, rewriteVins, seed, uplinksOnly, MAX_IN_FLIGHT,
                    ACK_TIMEOUT), clock, ReplayPacer.onClock(clock, shutdown::isRequested), shutdown::isRequested);
            StatusLine status = StatusLine.on(out);
            progress.timer().scheduleAtFixedRate(() -> status.show("replaying: " + replay.handed() + " of "
                    + scan.records() + " messages handed on"), 1, 1, TimeUnit.SECONDS);
            ReplayReport report = replay.run(scan, connections);
            progress.close();
            status.finish();
            out.println(report.table());
            out.flush();
            if (report.interrupted()) {
                return StopSignals.INTERRUPTED;
            }
            boolean corrupt = scan.broken() != null && !scan.broken().truncated();
            return report.failed().total() > 0 || corrupt ? 1 : 0;
        }
    }
}
