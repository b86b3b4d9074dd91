package io.pcmsim.vehicle.internal.connection;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import io.pcmsim.vehicle.fleet.MqttClientLibrary;
import io.pcmsim.vehicle.fleet.MqttVersion;
import java.util.concurrent.CompletableFuture;

/**
 * One vehicle's MQTT connection (HiveMQ client, async API, or the Paho client: {@link PahoLink}) with Last
 * Will and reconnects (see {@link Reconnects}).
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

    /**
     * Disconnects cleanly (no Last Will) and calls off a pending reconnect; call only once
     * {@link Events#keepConnected()} returns false. Completes normally when the client is idle: no
     * connection, no reconnect pending, no connect attempt in flight (one in flight ends with its
     * connected event, after which the caller disconnects again, or with its disconnected event).
     */
    CompletableFuture<Void> disconnect();

    /**
     * The settings both MQTT versions share: client id = VIN, broker address, the fleet's executors,
     * reconnects with backoff decided at attempt time by {@code reconnects} (none once
     * {@link Events#keepConnected()} turned false, not even one already pending; see {@link Reconnects}),
     * TLS when configured, and the events. Not the client's automatic reconnect: its pending attempt cannot be called off. The
     * version-specific parts are added by the caller.
     */
    static MqttClientBuilder clientBuilder(LinkConfig config, Events events, Reconnects reconnects) {
        return MqttClient.builder()
                .identifier(config.vin().value())
                .serverHost(config.host())
                .serverPort(config.port())
                .sslConfig(config.ssl())
                .executorConfig(config.executorConfig())
                .addConnectedListener(context -> events.connected())
                .addDisconnectedListener(context -> {
                    reconnects.onDisconnected(context);
                    events.disconnected(context.getCause());
                });
    }

    /** A link speaking {@code config.version()} on {@code config.library()}. */
    static MqttLink create(LinkConfig config, Events events) {
        if (config.library() == MqttClientLibrary.PAHO) {
            return new PahoLink(config, events);
        }
        return config.version() == MqttVersion.MQTT_5 ? new Mqtt5Link(config, events) : new Mqtt3Link(config, events);
    }
}
