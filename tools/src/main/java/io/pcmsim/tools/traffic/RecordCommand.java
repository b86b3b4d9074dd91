package io.pcmsim.tools.traffic;

import io.pcmsim.tools.cli.LogLevel;
import io.pcmsim.tools.cli.ShutdownRequest;
import io.pcmsim.tools.cli.StatusLine;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pcmsim record}: the protocol's traffic on a broker, to a recording file. */
@Command(
        name = "record",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Records the protocol's traffic on a broker to a compact file: uplinks, downlinks and presence of every "
                    + "car (or of one --vin) and the map provider's topics, each with its receive time "
                    + "(microseconds), topic, QoS, retain flag and payload. The format is in docs/recording.md.",
            "The file is flushed at least once per second, so a recorder killed without warning loses at most the "
                    + "last second; Ctrl-C or SIGTERM close it cleanly. Play it back with 'pcmsim replay', read it "
                    + "with 'pcmsim recording to-json'.",
            "Exit codes: 0 done (--duration or --count reached), 1 failed (broker unreachable, connection lost, "
                    + "file not writable, disk full: what was recorded until then is kept), 2 bad arguments, "
                    + "130 ended by Ctrl-C (SIGINT), 143 by SIGTERM."
        })
public final class RecordCommand implements Callable<Integer> {

    private static final Duration FLUSH_INTERVAL = Duration.ofSeconds(1);

    @Spec
    CommandSpec spec;

    @Mixin
    BrokerOptions broker = new BrokerOptions();

    @Mixin
    ListenOptions listen = new ListenOptions();

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "The recording file to write (overwritten when it exists).")
    Path out;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        listen.validate(spec);
        String problem = broker.problem();
        if (problem == null && Files.isDirectory(out)) {
            problem = "--out " + out.toAbsolutePath() + " is a folder; give the path of a file";
        }
        if (problem != null) {
            err.println("pcmsim record: " + problem);
            return 2;
        }
        Clock clock = Clock.systemUTC();
        RecordingWriter writer;
        try {
            writer = RecordingWriter.create(out, clock, FLUSH_INTERVAL);
        } catch (UncheckedIOException e) {
            err.println("pcmsim record: " + e.getMessage());
            return 1;
        }
        try (LogLevel logs = LogLevel.forRun(listen.verbose);
             ShutdownRequest shutdown = ShutdownRequest.install(Duration.ofSeconds(30));
             StopSignals stop = listen.stopSignals("record");
             writer) {
            return record(writer, clock, stop, shutdown, stdout, err);
        } catch (UncheckedIOException e) {
            err.println("pcmsim record: " + e.getMessage());
            return 1;
        }
    }

    private int record(RecordingWriter writer, Clock clock, StopSignals stop, ShutdownRequest shutdown,
            PrintWriter stdout, PrintWriter err) throws InterruptedException {
        TrafficCounts counts = new TrafficCounts();
        SequenceGaps gaps = new SequenceGaps();
        long startNanos = System.nanoTime();
        TrafficSubscription subscription;
        try {
            subscription = TrafficSubscription.start(broker, "pcmsim-record", listen.vin, clock, message -> {
                if (stop.ended()) {
                    return;
                }
                try {
                    writer.write(message);
                } catch (UncheckedIOException e) {
                    stop.fail(e.getMessage());
                    return;
                }
                counts.add(TopicKind.of(message.topic()).direction().label());
                gaps.see(message);
                stop.count();
            });
        } catch (TrafficException e) {
            err.println("pcmsim record: " + e.getMessage() + "; nothing recorded");
            return 1;
        }
        stdout.printf("pcmsim record: recording %s from %s to %s%s%n", listen.vin == null ? "all cars" : listen.vin,
                broker.address(), out, listen.duration == null && listen.count == 0 ? " until Ctrl-C" : "");
        stdout.flush();
        subscription.lost().thenAccept(stop::fail);
        StatusLine status = StatusLine.on(stdout);
        stop.timer().scheduleAtFixedRate(() -> {
            try {
                writer.flushIfDue();
            } catch (UncheckedIOException e) {
                stop.fail(e.getMessage());
            }
        }, 200, 200, TimeUnit.MILLISECONDS);
        stop.timer().scheduleAtFixedRate(() -> status.show("recording: " + writer.records() + " messages, "
                + writer.bytes() + " bytes"), 1, 1, TimeUnit.SECONDS);
        stop.await(shutdown);
        subscription.close();
        stop.close();
        status.finish();
        writer.close();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        stdout.printf("pcmsim record: %d messages (%s) in %.1f s, %d bytes written to %s%n", writer.records(),
                counts.summary(), seconds, writer.bytes(), out);
        if (gaps.missing() > 0) {
            stdout.printf("pcmsim record: %d uplinks are missing between those recorded (gaps in their sequence "
                    + "numbers): the broker did not deliver them to the recorder (Mosquitto drops beyond its "
                    + "max_queued_messages for a subscriber that falls behind; see docs/recording.md)%n", gaps.missing());
        }
        stdout.flush();
        if (stop.failure() != null) {
            err.println("pcmsim record: " + stop.failure() + "; the recording holds what came before");
            err.flush();
        }
        return stop.exitCode(shutdown);
    }
}
