package io.pcmsim.tools.traffic;

import io.pcmsim.tools.cli.LogLevel;
import io.pcmsim.tools.cli.ShutdownRequest;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pcmsim tap}: live traffic, decoded, one line per message. */
@Command(
        name = "tap",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Prints the protocol's live traffic on a broker, one line per message: receive time, VIN (or anonymous "
                    + "map key), direction (up, down, status, map-up, map-down), service and the decoded protobuf "
                    + "message as compact text; with --json one JSON object per line (the same as "
                    + "'pcmsim recording to-json' writes).",
            "A payload that does not decode gives a line with MALFORMED, the reason and the first "
                    + TrafficFormat.HEX_PREVIEW_BYTES + " bytes in hex (JSON: an \"error\" field); it is counted "
                    + "and the tap goes on. At the end the counts go to standard error.",
            "Exit codes: 0 done (--duration or --count reached), 1 failed (broker unreachable, connection lost), "
                    + "2 bad arguments, 130 ended by Ctrl-C (SIGINT), 143 by SIGTERM."
        })
public final class TapCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    BrokerOptions broker = new BrokerOptions();

    @Mixin
    ListenOptions listen = new ListenOptions();

    @Option(names = "--json", description = "One JSON object per line instead of text.")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        listen.validate(spec);
        String problem = broker.problem();
        if (problem != null) {
            err.println("pcmsim tap: " + problem);
            return 2;
        }
        AtomicLong messages = new AtomicLong();
        AtomicLong malformed = new AtomicLong();
        try (LogLevel logs = LogLevel.forRun(listen.verbose);
             ShutdownRequest shutdown = ShutdownRequest.install(Duration.ofSeconds(10));
             StopSignals stop = listen.stopSignals("tap")) {
            TrafficSubscription subscription;
            try {
                subscription = TrafficSubscription.start(broker, "pcmsim-tap", listen.vin, Clock.systemUTC(), message -> {
                    if (stop.ended()) {
                        return;
                    }
                    TrafficFormat.Line line = json ? TrafficFormat.json(message) : TrafficFormat.text(message);
                    synchronized (out) {
                        out.println(line.text());
                        out.flush();
                    }
                    messages.incrementAndGet();
                    if (line.malformed()) {
                        malformed.incrementAndGet();
                    }
                    stop.count();
                });
            } catch (TrafficException e) {
                err.println("pcmsim tap: " + e.getMessage());
                return 1;
            }
            err.println("pcmsim tap: listening to " + (listen.vin == null ? "all cars" : listen.vin) + " on "
                    + broker.address());
            err.flush();
            subscription.lost().thenAccept(stop::fail);
            stop.await(shutdown);
            subscription.close();
            stop.close();
            err.println("pcmsim tap: " + messages.get() + (messages.get() == 1 ? " message, " : " messages, ")
                    + malformed.get() + " malformed");
            if (stop.failure() != null) {
                err.println("pcmsim tap: " + stop.failure());
            }
            err.flush();
            return stop.exitCode(shutdown);
        }
    }
}
