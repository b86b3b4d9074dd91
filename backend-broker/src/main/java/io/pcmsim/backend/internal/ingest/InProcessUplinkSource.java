package io.pcmsim.backend.internal.ingest;

import io.pcmsim.backend.internal.broker.UplinkIntake;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * Takes the uplinks from the embedded broker of the same process ({@link UplinkIntake}): no MQTT session,
 * no broker queue; the broker holds each car's publish until the writer acknowledges it. Downlinks leave
 * through the broker's publish service.
 */
public final class InProcessUplinkSource implements UplinkSource {

    private final UplinkIntake intake;
    private final InboundQueue queue;
    private final IngestCounters counters;
    private final UplinkValidator validator;
    private final Clock clock;
    private volatile boolean started;
    private volatile boolean stopping;

    /** @param validator checks each message on the broker's thread that hands it over, before it is queued */
    public InProcessUplinkSource(UplinkIntake intake, InboundQueue queue, IngestCounters counters,
                                 UplinkValidator validator, Clock clock) {
        this.intake = intake;
        this.queue = queue;
        this.counters = counters;
        this.validator = validator;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<Void> start() {
        try {
            intake.attach(this::take, clock);
            started = true;
            return CompletableFuture.completedFuture(null);
        } catch (IllegalStateException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private boolean take(InboundMessage message) {
        if (!queue.offer(message.validatedBy(validator))) {
            return false;
        }
        counters.received();
        return true;
    }

    @Override
    public void stopConsuming() {
        if (started) {
            intake.detach();
        }
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        stopping = true;
        stopConsuming();
        return started ? intake.releaseUnacknowledged() : CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload) {
        if (!started || stopping) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "the backend is not attached to the embedded broker; cannot publish to " + topic));
        }
        return intake.publish(topic, payload);
    }
}
