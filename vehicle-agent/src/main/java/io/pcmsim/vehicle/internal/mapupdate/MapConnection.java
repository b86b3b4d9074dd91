package io.pcmsim.vehicle.internal.mapupdate;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.pcmsim.protocol.MapIdentities;
import io.pcmsim.vehicle.internal.FleetNetwork;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * One short-lived MQTT 5 connection of a car to the map provider, separate from its VIN connection: a random
 * client identifier ({@link MapIdentities#newCarMapClientId()}), no user name, no Last Will, a clean session
 * that ends with the connection. On the fleet's shared Netty threads (HiveMQ client), no thread of its own.
 */
final class MapConnection {

    private final Mqtt5AsyncClient client;
    private volatile @Nullable CompletableFuture<?> connecting;

    MapConnection(String host, int port, FleetNetwork network) {
        this.client = MqttClient.builder()
                .identifier(MapIdentities.newCarMapClientId())
                .serverHost(host)
                .serverPort(port)
                .sslConfig(network.ssl())
                .executorConfig(network.executors().clientExecutorConfig())
                .useMqttVersion5()
                .buildAsync();
    }

    /**
     * Connects and subscribes to {@code answerTopic} and {@code packageTopic}; {@code onMessage} receives what
     * arrives, on a Netty thread (hand it off).
     */
    CompletableFuture<Void> open(String answerTopic, String packageTopic, BiConsumer<String, byte[]> onMessage) {
        CompletableFuture<?> connect = client.connectWith().cleanStart(true).noSessionExpiry().send();
        connecting = connect;
        return connect
                .thenCompose(ack -> client.subscribeWith()
                        .addSubscription().topicFilter(answerTopic).qos(MqttQos.AT_LEAST_ONCE).applySubscription()
                        .addSubscription().topicFilter(packageTopic).qos(MqttQos.AT_LEAST_ONCE).applySubscription()
                        .callback(p -> onMessage.accept(p.getTopic().toString(), p.getPayloadAsBytes()))
                        .send())
                .thenApply(ack -> {
                    if (ack.getReasonCodes().stream().anyMatch(code -> code.isError())) {
                        throw new IllegalStateException("the broker refused the map subscriptions: "
                                + ack.getReasonCodes());
                    }
                    return null;
                });
    }

    /** Publishes at QoS 1; completes when acknowledged. */
    CompletableFuture<Void> publish(String topic, byte[] payload) {
        return client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send()
                .thenApply(result -> {
                    result.getError().ifPresent(error -> {
                        throw new IllegalStateException("map publish on " + topic + " failed: " + error.getMessage(),
                                error);
                    });
                    return null;
                });
    }

    /**
     * Disconnects, after a connect still in flight has ended; completes when the client let go. Idempotent;
     * needs no lane.
     */
    CompletableFuture<Void> close() {
        CompletableFuture<?> connect = connecting;
        if (connect == null) {
            return CompletableFuture.completedFuture(null);
        }
        return connect.handle((ack, error) -> null).thenCompose(v -> client.getState().isConnectedOrReconnect()
                ? client.disconnect().handle((d, e) -> (Void) null)
                : CompletableFuture.<Void>completedFuture(null));
    }
}
