package io.pcmsim.vehicle.internal.connection;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import io.pcmsim.vehicle.fleet.MqttVersion;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * One vehicle's MQTT connection (HiveMQ client, async API) with Last Will and automatic reconnect.
 * Events arrive on MQTT client threads: implementations of {@link Events} must hand work off, never
 * block. Package-private: only the privacy gate's {@link UplinkChannel} reaches it.
 */
interface MqttLink extends Transport {

    /** What the link reports and asks. */
    interface Events {
        /** The connection is up (first connect and every reconnect). */
        void connected();

        /** The connection is down or a connect attempt failed. */
        void disconnected(Throwable cause);

        /** Whether the link should keep reconnecting; false once the vehicle stops or falls silent. */
        boolean keepConnected();

        /** The Last Will payload of the next connect attempt; called once before every attempt. */
        byte[] willForNextAttempt();

        /** A message arrived on a subscribed topic. */
        void downlink(String topic, byte[] payload);
    }

    /** Starts connecting; reconnects automatically with backoff after a failure or a lost connection. */
    void connect();

    /**
     * Subscribes to {@code filter} at QoS 1; what arrives goes to {@link Events#downlink}. Completes when
     * the broker acknowledged the subscription, fails when it refused it.
     */
    CompletableFuture<Void> subscribe(String filter);

    /** Disconnects cleanly (no Last Will); completes normally when done or when there was nothing to disconnect. */
    CompletableFuture<Void> disconnect();

    /**
     * The settings both MQTT versions share: client id = VIN, broker address, the fleet's executors,
     * automatic reconnect with backoff (stopped once {@link Events#keepConnected()} turns false; before
     * each automatic attempt {@code rearmWill} puts {@link Events#willForNextAttempt()} into its CONNECT),
     * and the events. The version-specific parts are added by the caller.
     */
    static MqttClientBuilder clientBuilder(LinkConfig config, Events events,
            BiConsumer<MqttClientDisconnectedContext, byte[]> rearmWill) {
        return MqttClient.builder()
                .identifier(config.vin().value())
                .serverHost(config.host())
                .serverPort(config.port())
                .executorConfig(config.executorConfig())
                .automaticReconnect()
                .initialDelay(config.reconnectInitialDelay().toMillis(), TimeUnit.MILLISECONDS)
                .maxDelay(config.reconnectMaxDelay().toMillis(), TimeUnit.MILLISECONDS)
                .applyAutomaticReconnect()
                .addConnectedListener(context -> events.connected())
                .addDisconnectedListener(context -> {
                    if (!events.keepConnected()) {
                        context.getReconnector().reconnect(false);
                    } else {
                        rearmWill.accept(context, events.willForNextAttempt());
                    }
                    events.disconnected(context.getCause());
                });
    }

    /** A link speaking {@code config.version()}. */
    static MqttLink create(LinkConfig config, Events events) {
        return config.version() == MqttVersion.MQTT_5 ? new Mqtt5Link(config, events) : new Mqtt3Link(config, events);
    }
}
