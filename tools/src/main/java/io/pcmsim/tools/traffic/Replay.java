package io.pcmsim.tools.traffic;

import io.pcmsim.protocol.MalformedPayloadException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Plays a recording back: reads it record by record on the calling thread, waits for each record's
 * turn ({@link ReplayPacer}), and publishes it on the connection of its car ({@link ReplayConnections},
 * client id = the VIN, QoS and retain flag as recorded). Uplinks, presence and the cars' map messages
 * are replayed; downlinks and the map provider's answers are the backend's side and are skipped. At most
 * {@code maxInFlight} publishes wait for their acknowledgement at a time.
 */
final class Replay {

    /** How a replay runs. {@code speed} is {@code Double.POSITIVE_INFINITY} for as fast as possible. */
    record Options(double speed, boolean rewriteVins, long seed, boolean uplinksOnly, int maxInFlight,
            Duration ackTimeout) {
    }

    private final Path file;
    private final Options options;
    private final Clock clock;
    private final ReplayPacer.Waiter waiter;
    private final BooleanSupplier stop;
    private final AtomicLong handed = new AtomicLong();

    Replay(Path file, Options options, Clock clock, ReplayPacer.Waiter waiter, BooleanSupplier stop) {
        this.file = file;
        this.options = options;
        this.clock = clock;
        this.waiter = waiter;
        this.stop = stop;
    }

    /**
     * Replays the readable part of the recording (all of it unless it is broken) and waits for the
     * acknowledgements, at most the ack timeout after the last publish.
     */
    ReplayReport run(RecordingScan scan, ReplayConnections connections) throws InterruptedException {
        TrafficCounts replayed = new TrafficCounts();
        TrafficCounts skipped = new TrafficCounts();
        TrafficCounts failed = new TrafficCounts();
        VinRewriter rewriter = options.rewriteVins() ? new VinRewriter(options.seed(), scan.vins()) : null;
        ReplayPacer pacer = new ReplayPacer(clock, options.speed(), waiter);
        Semaphore inFlight = new Semaphore(options.maxInFlight());
        Instant started = clock.instant();
        boolean interrupted = false;
        try (RecordingReader reader = RecordingReader.open(file)) {
            for (long i = 0; i < scan.records(); i++) {
                Optional<TrafficMessage> next = reader.next();
                if (next.isEmpty()) {
                    break;
                }
                pacer.awaitTurn(next.get().timeMicros());
                if (stop.getAsBoolean()) {
                    interrupted = true;
                    break;
                }
                replayOne(next.get(), rewriter, connections, inFlight, replayed, skipped, failed);
                handed.incrementAndGet();
            }
        }
        if (!inFlight.tryAcquire(options.maxInFlight(), options.ackTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
            int waiting = options.maxInFlight() - inFlight.availablePermits();
            for (int i = 0; i < waiting; i++) {
                failed.add("no acknowledgement within " + options.ackTimeout().toSeconds() + " s");
            }
        }
        BrokenRecordingException broken = scan.broken();
        return new ReplayReport(scan.records(), scan.spanSeconds(), options.speed(), replayed, skipped, failed,
                connections.opened(), pacer.meanLateness(), pacer.maxLateness(),
                Duration.between(started, clock.instant()), interrupted, broken == null ? null : broken.getMessage());
    }

    /** Records handled so far (published or skipped); readable from any thread. */
    long handed() {
        return handed.get();
    }

    private void replayOne(TrafficMessage message, @Nullable VinRewriter rewriter, ReplayConnections connections,
            Semaphore inFlight, TrafficCounts replayed, TrafficCounts skipped, TrafficCounts failed)
            throws InterruptedException {
        TopicKind kind = TopicKind.of(message.topic());
        String skip = skipReason(kind);
        if (skip != null) {
            skipped.add(skip);
            return;
        }
        String topic = message.topic();
        byte[] payload = message.payload();
        String clientId = kind.vin() != null ? kind.vin() : "map-" + kind.mapKey();
        if (rewriter != null) {
            try {
                payload = rewriter.payload(kind, payload);
            } catch (MalformedPayloadException e) {
                skipped.add("payload not rewritable (" + (e.getMessage().contains("original VIN")
                        ? "original VIN outside the header" : "does not decode") + ")");
                return;
            }
            topic = rewriter.topic(topic, kind);
            clientId = kind.vin() != null ? rewriter.vinFor(kind.vin()) : clientId;
        }
        inFlight.acquire();
        String label = kind.label();
        connections.publish(clientId, topic, payload, message.qos(), message.retain()).whenComplete((v, e) -> {
            if (e == null) {
                replayed.add(label);
            } else {
                failed.add(ReplayConnections.reason(e));
            }
            inFlight.release();
        });
    }

    private @Nullable String skipReason(TopicKind kind) {
        return switch (kind.direction()) {
            case UP -> null;
            case DOWN -> "down (the backend's answers are not replayed)";
            case MAP_DOWN -> "map-down (the map provider's answers are not replayed)";
            case STATUS -> options.uplinksOnly() ? "status (--uplinks-only)" : null;
            case MAP_UP -> options.uplinksOnly() ? "map-up (--uplinks-only)" : null;
            case OTHER -> "not a topic of the protocol";
        };
    }
}
