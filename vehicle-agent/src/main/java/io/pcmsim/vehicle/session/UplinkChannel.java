package io.pcmsim.vehicle.session;

import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Topics;
import io.pcmsim.protocol.UplinkCodec;
import io.pcmsim.protocol.UplinkHeader;
import io.pcmsim.protocol.Vin;
import io.pcmsim.vehicle.privacy.DriverSettings;
import io.pcmsim.vehicle.privacy.PrivacyGate;
import io.pcmsim.vehicle.privacy.SettingsChange;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * The one path every uplink message of a vehicle takes: privacy gate, then either the broker connection
 * (header stamped here, so refused messages leave no sequence gaps) or, while offline, the bounded outbox.
 * A publish lost with the connection (not one the broker refused) goes back into the outbox with its
 * header and is sent again after the next connect, unless its service is blocked by then.
 *
 * <p>Confined to the vehicle's lane, except {@link #settled()} which may be called anywhere.
 */
public final class UplinkChannel {

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final Vin vin;
    private final PrivacyGate gate;
    private final Outbox outbox;
    private final UplinkObserver observer;
    private final Executor lane;
    private final Set<CompletableFuture<Void>> inFlight = ConcurrentHashMap.newKeySet();
    private @Nullable Transport transport;
    private long bootId;
    private long sequence;

    /**
     * @param lane the vehicle's lane: publish outcomes arrive on MQTT threads and are handed back to it
     */
    public UplinkChannel(Vin vin, DriverSettings initial, int outboxCapacity, UplinkObserver observer, Executor lane) {
        this.lane = Objects.requireNonNull(lane, "lane");
        this.vin = Objects.requireNonNull(vin, "vin");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.gate = new PrivacyGate(initial, observer::suppressed);
        this.outbox = new Outbox(outboxCapacity);
    }

    /**
     * Submits a message produced at vehicle time {@code producedAt}. Refused by the gate: dropped and
     * counted. Offline: queued in the outbox. Online: stamped and published.
     *
     * @return settles (normally) when the broker acknowledged or the publish failed; already complete when
     *     the message was refused or queued
     */
    public CompletableFuture<Void> submit(Service service, UplinkEnvelope body, Instant producedAt) {
        if (!gate.admit(service)) {
            return DONE;
        }
        Uplink uplink = new Uplink(service, producedAt, body);
        if (transport == null) {
            outbox.offer(uplink).ifPresent(dropped -> observer.droppedOutboxFull(dropped.service()));
            return DONE;
        }
        return send(uplink);
    }

    /** The broker connection is up under {@code newBootId}; the sequence restarts. */
    public void connected(Transport newTransport, long newBootId) {
        this.transport = Objects.requireNonNull(newTransport, "newTransport");
        this.bootId = newBootId;
        this.sequence = 0;
    }

    /** Publishes the messages queued while offline, in order. No-op while offline. */
    public void drainOutbox() {
        if (transport == null) {
            return;
        }
        for (Uplink uplink : outbox.drain()) {
            send(uplink);
        }
    }

    public void disconnected() {
        this.transport = null;
    }

    public boolean online() {
        return transport != null;
    }

    /**
     * Puts new settings in force. Buffered, unsent messages of services they block are discarded and
     * counted.
     */
    public SettingsChange apply(DriverSettings next) {
        SettingsChange change = gate.apply(next);
        if (!change.blocked().isEmpty()) {
            int discarded = outbox.discardIf(u -> change.blocked().contains(u.service()));
            if (discarded > 0) {
                observer.discardedBySettings(discarded);
            }
        }
        return change;
    }

    public PrivacyGate gate() {
        return gate;
    }

    public int outboxSize() {
        return outbox.size();
    }

    public long bootId() {
        return bootId;
    }

    /** Sequence number of the last message handed to the connection in this boot. */
    public long sequence() {
        return sequence;
    }

    /** Completes when every publish handed to the connection so far was acknowledged or failed. */
    public CompletableFuture<Void> settled() {
        CompletableFuture<?>[] pending = inFlight.toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(pending).handle((ok, error) -> null);
    }

    /** A lost publish comes back: resent now when online, else queued; dropped when its service is blocked. */
    private void retry(Uplink uplink) {
        if (!gate.allows(uplink.service())) {
            observer.discardedBySettings(1);
        } else if (transport != null) {
            send(uplink);
        } else {
            outbox.requeue(uplink).ifPresent(dropped -> observer.droppedOutboxFull(dropped.service()));
        }
    }

    private static boolean lostWithConnection(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return !(cause instanceof PublishFailedException);
    }

    private CompletableFuture<Void> send(Uplink uplink) {
        UplinkHeader header = uplink.header() != null
                ? uplink.header()
                : new UplinkHeader(vin, bootId, ++sequence, uplink.producedAt());
        byte[] payload = uplink.body().toBuilder().setHeader(UplinkCodec.header(header)).build().toByteArray();
        String topic = Topics.uplink(vin, uplink.service());
        CompletableFuture<Void> published = new CompletableFuture<>();
        inFlight.add(published);
        observer.sent(uplink.service(), topic, header);
        CompletableFuture<Void> attempt;
        try {
            attempt = transport.publish(topic, payload, false);
        } catch (RuntimeException e) {
            attempt = CompletableFuture.failedFuture(e);
        }
        attempt.whenComplete((ok, error) -> {
            if (error == null) {
                observer.acknowledged(uplink.service());
            } else {
                observer.failed(uplink.service(), error);
                if (lostWithConnection(error)) {
                    lane.execute(() -> retry(uplink.stamped(header)));
                }
            }
            inFlight.remove(published);
            published.complete(null);
        });
        return published;
    }
}
