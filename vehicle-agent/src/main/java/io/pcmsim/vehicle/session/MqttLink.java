package io.pcmsim.vehicle.session;

import java.util.concurrent.CompletableFuture;

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

    /** A link speaking {@code config.version()}. */
    static MqttLink create(LinkConfig config, Events events) {
        return config.version() == MqttVersion.MQTT_5 ? new Mqtt5Link(config, events) : new Mqtt3Link(config, events);
    }
}
