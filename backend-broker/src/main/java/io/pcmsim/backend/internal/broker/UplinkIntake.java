package io.pcmsim.backend.internal.broker;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.publish.PublishPacket;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import io.pcmsim.backend.internal.ingest.InboundMessage;
import io.pcmsim.protocol.Topics;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a backend in the broker's own process takes the cars' uplinks, without an MQTT session of its
 * own: a publish inbound interceptor on the uplink topics holds each uplink publish ({@code async}) and
 * hands it to the attached backend; the broker answers the car (PUBACK) and routes the message to other
 * subscribers only when the backend acknowledged it, i.e. after its batch was committed or after it was
 * rejected and counted. A slow store thereby slows the cars down instead of filling a broker queue.
 *
 * <p>What HiveMQ CE does with a held publish (see docs/decisions.md): it runs a client's interceptor
 * tasks in order and one at a time while one is held, so each client has at most one uplink with the
 * backend and its later publishes wait, in order, in the broker (bounded by the client's in-flight
 * window). If the backend does not answer within {@code storeTimeout}, the broker drops the publish and
 * answers with {@code IMPLEMENTATION_SPECIFIC_ERROR}: an MQTT 5 client gets that PUBACK, an MQTT 3.1.1
 * client is disconnected (MQTT 3.1.1 has no negative PUBACK) and sends the message again. Never a
 * successful PUBACK for a message that was not stored.
 *
 * <p>Uplinks that arrive while no backend is attached are held for the next one (until the timeout).
 * {@link #releaseUnacknowledged()} gives back what an attached backend took but did not acknowledge:
 * their clients are disconnected first, so that they send those messages again on their next connection.
 *
 * <p>Thread-safe. The interceptor runs on HiveMQ's extension task threads and never blocks.
 */
public final class UplinkIntake {

    private static final Logger LOG = LoggerFactory.getLogger(UplinkIntake.class);

    private final Duration storeTimeout;
    private final Object lock = new Object();
    private @Nullable Predicate<InboundMessage> consumer;
    private @Nullable Clock clock;
    private final Queue<Held> parked = new ArrayDeque<>();
    private final Set<Held> handedOut = ConcurrentHashMap.newKeySet();

    /** @param storeTimeout how long a publish may wait for the backend before the broker refuses it; positive */
    public UplinkIntake(Duration storeTimeout) {
        if (storeTimeout.isNegative() || storeTimeout.isZero()) {
            throw new IllegalArgumentException("storeTimeout must be positive, was " + storeTimeout);
        }
        this.storeTimeout = storeTimeout;
    }

    public Duration storeTimeout() {
        return storeTimeout;
    }

    PublishInboundInterceptor interceptor() {
        return this::onInboundPublish;
    }

    private void onInboundPublish(PublishInboundInput input, PublishInboundOutput output) {
        PublishPacket packet = input.getPublishPacket();
        if (Topics.parseUplink(packet.getTopic()).isEmpty()) {
            return;
        }
        Async<PublishInboundOutput> async = output.async(storeTimeout, TimeoutFallback.FAILURE,
                AckReasonCode.IMPLEMENTATION_SPECIFIC_ERROR,
                "not stored by the backend within " + storeTimeout.toSeconds() + " s");
        byte[] payload = packet.getPayload().map(UplinkIntake::bytes).orElseGet(() -> new byte[0]);
        hand(new Held(input.getClientInformation().getClientId(), packet.getTopic(), payload, packet.getRetain(),
                async));
    }

    /**
     * Makes {@code consumer} the one that receives uplinks from now on, starting with those held while
     * none was attached. The consumer must not block; it returns false when it cannot take the message
     * (which is then given back to its client as by {@link #releaseUnacknowledged()}).
     *
     * @param clock stamps {@link InboundMessage#receivedAt()}
     * @throws IllegalStateException when another consumer is attached
     */
    public void attach(Predicate<InboundMessage> consumer, Clock clock) {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(clock, "clock");
        synchronized (lock) {
            if (this.consumer != null) {
                throw new IllegalStateException("another backend already takes this broker's uplinks in-process");
            }
            this.consumer = consumer;
            this.clock = clock;
            List<Held> waiting = List.copyOf(parked);
            parked.clear();
            waiting.forEach(this::hand);
        }
    }

    /** Uplinks that arrive from now on are held for the next consumer. Idempotent. */
    public void detach() {
        synchronized (lock) {
            consumer = null;
            clock = null;
        }
    }

    private void hand(Held held) {
        boolean taken;
        synchronized (lock) {
            if (consumer == null || clock == null) {
                parked.add(held);
                return;
            }
            handedOut.add(held);
            taken = consumer.test(new InboundMessage(held.topic, held.payload, clock.instant(), held.retained,
                    held::acknowledge));
        }
        if (!taken) {
            LOG.error("the backend could not take an uplink of {} on {}; giving it back to the client",
                    held.clientId, held.topic);
            release(held, "the backend is overloaded");
        }
    }

    /**
     * Gives back every uplink handed to a consumer and not acknowledged: disconnects its client (so that
     * no PUBACK reaches it and it sends the message again on its next connection), then lets the broker
     * drop the held publish.
     *
     * @return completes when all of them were given back
     */
    public CompletableFuture<Void> releaseUnacknowledged() {
        List<Held> unacknowledged = List.copyOf(handedOut);
        if (!unacknowledged.isEmpty()) {
            LOG.warn("giving {} unstored uplinks back to their cars (disconnected, they send them again)",
                    unacknowledged.size());
        }
        return CompletableFuture.allOf(unacknowledged.stream()
                .map(h -> release(h, "the backend stopped before storing it"))
                .toArray(CompletableFuture[]::new));
    }

    /** Uplinks handed to the consumer and not yet acknowledged (for tests and diagnostics). */
    public int unacknowledged() {
        return handedOut.size();
    }

    private CompletableFuture<Void> release(Held held, String reason) {
        if (!held.finished.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(null);
        }
        handedOut.remove(held);
        return Services.clientService().disconnectClient(held.clientId)
                .handle((disconnected, e) -> {
                    try {
                        held.async.getOutput().preventPublishDelivery(AckReasonCode.IMPLEMENTATION_SPECIFIC_ERROR,
                                reason);
                    } catch (RuntimeException alreadyPrevented) {
                        // the broker's timeout came first: the publish is dropped already
                    }
                    held.async.resume();
                    return null;
                });
    }

    /**
     * Publishes as the broker itself (QoS 1, not retained): how an in-process backend sends downlinks.
     *
     * @return completes when the broker took the message for delivery
     */
    public CompletableFuture<Void> publish(String topic, byte[] payload) {
        return Services.publishService().publish(Builders.publish()
                .topic(topic).qos(Qos.AT_LEAST_ONCE).retain(false).payload(ByteBuffer.wrap(payload)).build());
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    /** One uplink publish the broker holds until the backend answers. */
    private final class Held {
        final String clientId;
        final String topic;
        final byte[] payload;
        final boolean retained;
        final Async<PublishInboundOutput> async;
        final AtomicBoolean finished = new AtomicBoolean();

        Held(String clientId, String topic, byte[] payload, boolean retained, Async<PublishInboundOutput> async) {
            this.clientId = clientId;
            this.topic = topic;
            this.payload = payload;
            this.retained = retained;
            this.async = async;
        }

        /** Stored or rejected: the broker acknowledges it to the car and routes it on. */
        void acknowledge() {
            if (finished.compareAndSet(false, true)) {
                handedOut.remove(this);
                async.resume();
            }
        }
    }
}
