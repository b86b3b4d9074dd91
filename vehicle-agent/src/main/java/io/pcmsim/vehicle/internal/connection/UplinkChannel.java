package io.pcmsim.vehicle.internal.connection;

import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Topics;
import io.pcmsim.protocol.UplinkHeader;
import io.pcmsim.protocol.Vin;
import io.pcmsim.vehicle.internal.service.SettingsChange;
import io.pcmsim.vehicle.privacy.DriverSettings;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The one path from the car to the broker: privacy gate, then either the broker connection (header
 * stamped here, so refused messages leave no sequence gaps) or, while offline, the bounded outbox. Presence
 * passes here too, allowed while any service is.
 *
 * <p>At most {@link #MAX_IN_FLIGHT} publishes are unacknowledged at a time; later messages wait in the
 * outbox, in order, and leave as acknowledgements come back. A slow broker or backend (one that
 * acknowledges only after storing) thus fills the car's bounded outbox, whose oldest entries make room and
 * are counted, instead of the MQTT client's unbounded queue. The login bypasses the window: a session
 * starts with it, before what waited in the outbox.
 *
 * <p>A publish lost with the connection goes back into the outbox with its header and is sent again after
 * the next connect, unless its service was blocked at any time since it was admitted (then it is dropped:
 * nothing that was in flight when a block began is sent after it ended), and at most
 * {@link #MAX_ATTEMPTS} times in all (an MQTT 3.1.1 broker refuses by closing the connection, which looks
 * like a loss). A publish the broker refused with an error PUBACK is reported and never sent again.
 *
 * <p>Confined to the vehicle's lane, except {@link #settled()} which may be called anywhere.
 */
final class UplinkChannel {

    /** Attempts of one message before it is given up as {@link #UNACKNOWLEDGED}. */
    static final int MAX_ATTEMPTS = 3;
    /** The refusal reason of a message given up after {@link #MAX_ATTEMPTS} unacknowledged attempts. */
    static final String UNACKNOWLEDGED = "UNACKNOWLEDGED_AFTER_" + MAX_ATTEMPTS + "_ATTEMPTS";
    /**
     * Unacknowledged publishes per car at most: at or below the receive maximum of common brokers (HiveMQ
     * 10 by default, Mosquitto's max_inflight_messages 20), so a car never relies on a broker's own queue.
     */
    static final int MAX_IN_FLIGHT = 10;
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final Vin vin;
    private final PrivacyGate gate;
    private final Outbox outbox;
    private final UplinkObserver observer;
    private final Executor lane;
    private final String statusTopic;
    /** The uplink topic of each service sent on so far; on the lane. */
    private final Map<Service, String> topics = new EnumMap<>(Service.class);
    private final LongSupplier nanoTime;
    private final Set<CompletableFuture<Void>> inFlight = ConcurrentHashMap.newKeySet();
    private @Nullable Transport transport;
    /** Publishes handed to the current or an earlier transport and not settled yet; on the lane. */
    private int unsettled;
    private long bootId;
    private long sequence;

    /**
     * @param lane the vehicle's lane: publish outcomes arrive on MQTT threads and are handed back to it
     */
    UplinkChannel(Vin vin, DriverSettings initial, int outboxCapacity, UplinkObserver observer, Executor lane) {
        this(vin, initial, outboxCapacity, observer, lane, System::nanoTime);
    }

    /**
     * @param lane the vehicle's lane: publish outcomes arrive on MQTT threads and are handed back to it
     * @param nanoTime the monotonic time the acknowledgement latency is measured with
     */
    UplinkChannel(Vin vin, DriverSettings initial, int outboxCapacity, UplinkObserver observer, Executor lane,
            LongSupplier nanoTime) {
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.lane = Objects.requireNonNull(lane, "lane");
        this.vin = Objects.requireNonNull(vin, "vin");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.gate = new PrivacyGate(initial, observer::suppressed);
        this.outbox = new Outbox(outboxCapacity);
        this.statusTopic = Topics.status(vin);
    }

    /**
     * Submits a message produced at vehicle time {@code producedAt}. Refused by the gate: dropped and
     * counted. Offline: queued in the outbox. Online: stamped and published.
     *
     * @return settles (normally) when the broker acknowledged or the publish failed; already complete when
     *     the message was refused or queued
     */
    CompletableFuture<Void> submit(Service service, UplinkEnvelope body, Instant producedAt) {
        if (!gate.admit(service)) {
            return DONE;
        }
        Uplink uplink = Uplink.admitted(service, producedAt, body, gate.epoch());
        if (transport == null || (service != Service.LOGIN && (unsettled >= MAX_IN_FLIGHT || outbox.size() > 0))) {
            outbox.offer(uplink).ifPresent(dropped -> observer.droppedOutboxFull(dropped.service()));
            return DONE;
        }
        return send(uplink);
    }

    /**
     * Publishes retained presence on the status topic when online and any service is allowed; otherwise
     * does nothing.
     *
     * @return settles when the broker acknowledged or the publish failed
     */
    CompletableFuture<Void> presence(byte[] payload) {
        Transport now = transport;
        if (now == null || !gate.allowsAny()) {
            return DONE;
        }
        return now.publish(statusTopic, payload, true).handle((ok, error) -> null);
    }

    /** The broker connection is up under {@code newBootId}; the sequence restarts. */
    void connected(Transport newTransport, long newBootId) {
        this.transport = Objects.requireNonNull(newTransport, "newTransport");
        this.bootId = newBootId;
        this.sequence = 0;
    }

    /**
     * Publishes what waits in the outbox, in order, as far as the in-flight window allows; the rest leaves
     * as acknowledgements come back. No-op while offline.
     */
    void drainOutbox() {
        while (transport != null && unsettled < MAX_IN_FLIGHT) {
            Uplink next = outbox.poll();
            if (next == null) {
                return;
            }
            send(next);
        }
    }

    void disconnected() {
        this.transport = null;
    }

    boolean online() {
        return transport != null;
    }

    /**
     * Puts new settings in force. Buffered, unsent messages of services they block are discarded and
     * counted.
     */
    SettingsChange apply(DriverSettings next) {
        SettingsChange change = gate.apply(next);
        if (!change.blocked().isEmpty()) {
            int discarded = outbox.discardIf(u -> change.blocked().contains(u.service()));
            if (discarded > 0) {
                observer.discardedBySettings(discarded);
            }
        }
        return change;
    }

    PrivacyGate gate() {
        return gate;
    }

    /** Messages waiting in the outbox; any thread (the latest count the lane wrote). */
    int outboxSize() {
        return outbox.size();
    }

    /** Messages waiting in the outbox per service; on the lane, or once the lane has stopped. */
    Map<Service, Integer> outboxByService() {
        return outbox.byService();
    }

    long bootId() {
        return bootId;
    }

    /** Sequence number of the last message handed to the connection in this boot. */
    long sequence() {
        return sequence;
    }

    /** Completes when every publish handed to the connection so far was acknowledged or failed. */
    CompletableFuture<Void> settled() {
        CompletableFuture<?>[] pending = inFlight.toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(pending).handle((ok, error) -> null);
    }

    /** A lost publish comes back: dropped when its service was blocked meanwhile or it used its attempts. */
    private void retry(Uplink uplink) {
        if (gate.blockedSince(uplink.service(), uplink.epoch())) {
            observer.discardedBySettings(1);
        } else if (uplink.attempts() >= MAX_ATTEMPTS) {
            observer.refused(uplink.service(), UNACKNOWLEDGED);
        } else {
            outbox.requeue(uplink).ifPresent(dropped -> observer.droppedOutboxFull(dropped.service()));
            drainOutbox();
        }
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    private CompletableFuture<Void> send(Uplink uplink) {
        Transport now = Objects.requireNonNull(transport, "send while offline");
        UplinkHeader header = uplink.header() != null
                ? uplink.header()
                : new UplinkHeader(vin, bootId, ++sequence, uplink.producedAt());
        Uplink attempt = uplink.attempted(header);
        byte[] payload = uplink.payload(header);
        String topic = topics.computeIfAbsent(uplink.service(), s -> Topics.uplink(vin, s));
        CompletableFuture<Void> published = new CompletableFuture<>();
        inFlight.add(published);
        unsettled++;
        observer.sent(uplink.service(), topic, header, payload);
        long handedOver = nanoTime.getAsLong();
        CompletableFuture<Void> outcome;
        try {
            outcome = now.publish(topic, payload, false);
        } catch (RuntimeException e) {
            outcome = CompletableFuture.failedFuture(e);
        }
        outcome.whenComplete((ok, error) -> {
            if (error == null) {
                observer.acknowledged(uplink.service(), nanoTime.getAsLong() - handedOver);
            } else {
                observer.failed(uplink.service(), error);
                if (unwrap(error) instanceof PublishRefusedException refusal) {
                    observer.refused(uplink.service(), refusal.reason());
                }
            }
            lane.execute(() -> {
                unsettled--;
                if (error != null && !(unwrap(error) instanceof PublishRefusedException)) {
                    retry(attempt);
                } else {
                    drainOutbox();
                }
            });
            inFlight.remove(published);
            published.complete(null);
        });
        return published;
    }
}
