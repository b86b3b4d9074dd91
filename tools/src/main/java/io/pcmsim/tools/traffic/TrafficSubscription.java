package io.pcmsim.tools.traffic;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5RetainHandling;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscribe;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5SubscribeBuilder;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscription;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAck;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import io.pcmsim.protocol.Topics;
import io.pcmsim.protocol.Vin;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A plain MQTT 5 subscriber on the protocol's topics, shared by {@code record} and {@code tap}: the
 * uplinks, downlinks and presence of every car (or of one VIN), and the map provider's topics
 * ({@code maps/v1/#}, only without a VIN: they never name one). Subscribed at QoS 2, so each message
 * arrives with the QoS it was published with; retain-as-published, so the retain flag is the publisher's;
 * retained messages already on the broker are not sent (only traffic from now on).
 *
 * <p>Each message goes to the consumer on the client's callback thread, one at a time, in arrival
 * order, stamped with the clock's time of arrival.
 */
final class TrafficSubscription implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Mqtt5AsyncClient client;
    private final CompletableFuture<String> lost;
    private final AtomicBoolean closing;

    private TrafficSubscription(Mqtt5AsyncClient client, CompletableFuture<String> lost, AtomicBoolean closing) {
        this.client = client;
        this.lost = lost;
        this.closing = closing;
    }

    /** The topic filters for one VIN, or for every car and the map provider. */
    static List<String> filters(@Nullable Vin vin) {
        String car = vin == null ? "+" : vin.value();
        List<String> filters = new ArrayList<>(List.of(Topics.ROOT + car + "/up/+", Topics.ROOT + car + "/down/+",
                Topics.ROOT + car + "/status"));
        if (vin == null) {
            filters.add(Topics.MAPS_ROOT + "#");
        }
        return List.copyOf(filters);
    }

    /**
     * Connects (client id {@code prefix-<random>}) and subscribes; returns when the broker granted every
     * subscription.
     *
     * @throws TrafficException with a sentence naming the broker and what went wrong
     */
    static TrafficSubscription start(BrokerOptions broker, String prefix, @Nullable Vin vin, Clock clock,
            Consumer<TrafficMessage> consumer) {
        String clientId = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String where = broker.address().toString();
        CompletableFuture<String> lost = new CompletableFuture<>();
        AtomicBoolean closing = new AtomicBoolean();
        Mqtt5AsyncClient client = broker.client(clientId, null)
                .addDisconnectedListener(context -> {
                    if (!closing.get()) {
                        lost.complete("the connection to " + where + " was lost: " + describe(context.getCause()));
                    }
                })
                .buildAsync();
        TrafficSubscription subscription = new TrafficSubscription(client, lost, closing);
        try {
            await(client.connectWith().cleanStart(true).sessionExpiryInterval(0).send(), "connect to " + where);
            Mqtt5SubscribeBuilder.Complete subscribe = null;
            for (String filter : filters(vin)) {
                Mqtt5Subscription s = Mqtt5Subscription.builder().topicFilter(filter).qos(MqttQos.EXACTLY_ONCE)
                        .retainAsPublished(true).retainHandling(Mqtt5RetainHandling.DO_NOT_SEND).build();
                subscribe = subscribe == null ? Mqtt5Subscribe.builder().addSubscription(s)
                        : subscribe.addSubscription(s);
            }
            Mqtt5SubAck ack = await(client.subscribe(subscribe.build(), (Mqtt5Publish p) -> consumer.accept(
                    new TrafficMessage(TrafficMessage.micros(clock.instant()), p.getTopic().toString(),
                            p.getQos().getCode(), p.isRetain(), p.getPayloadAsBytes()))), "subscribe on " + where);
            for (Mqtt5SubAckReasonCode code : ack.getReasonCodes()) {
                if (code.isError()) {
                    throw new TrafficException("the broker " + where + " refused the subscription to "
                            + filters(vin) + ": " + code);
                }
            }
        } catch (TrafficException e) {
            subscription.close();
            throw e;
        }
        return subscription;
    }

    /** Completes with a sentence when the connection to the broker was lost (not by {@link #close()}). */
    CompletableFuture<String> lost() {
        return lost;
    }

    private static <T> T await(CompletableFuture<T> future, String what) {
        try {
            return future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new TrafficException("cannot " + what + ": " + describe(cause), cause);
        } catch (TimeoutException e) {
            throw new TrafficException("cannot " + what + ": no answer within " + TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrafficException("interrupted while trying to " + what, e);
        }
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** Disconnects. Idempotent. */
    @Override
    public void close() {
        closing.set(true);
        client.disconnect().exceptionally(e -> null);
    }
}
