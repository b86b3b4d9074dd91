package io.pcmsim.vehicle.session;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One vehicle's MQTT connection (HiveMQ client, async API) with Last Will and automatic reconnect.
 * Events arrive on Netty threads: implementations of {@link Events} must hand work off, never block.
 */
public interface MqttLink extends Transport {

    /** What the link reports. */
    interface Events {
        /** The connection is up (first connect and every reconnect). */
        void connected();

        /** The connection is down or a connect attempt failed. */
        void disconnected(Throwable cause);

        /** Whether the link should keep reconnecting; false once the vehicle stops. */
        boolean keepConnected();
    }

    /** Starts connecting; reconnects automatically with backoff after a failure or a lost connection. */
    void connect();

    /** Disconnects cleanly; completes (normally) when done or when there was nothing to disconnect. */
    CompletableFuture<Void> disconnect();

    /**
     * The settings both MQTT versions share: client id = VIN, broker address, the fleet's executors,
     * automatic reconnect with backoff (stopped once {@link Events#keepConnected()} turns false), and
     * the events. The version-specific parts (version, Last Will) are added by the caller.
     */
    static MqttClientBuilder clientBuilder(LinkConfig config, Events events) {
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
                    }
                    events.disconnected(context.getCause());
                });
    }

    /** A link speaking {@code config.version()}. */
    static MqttLink create(LinkConfig config, Events events) {
        return config.version() == MqttVersion.MQTT_5 ? new Mqtt5Link(config, events) : new Mqtt3Link(config, events);
    }
}
