package io.pcmsim.vehicle.internal;

import com.hivemq.client.mqtt.MqttClientSslConfig;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What every car of a fleet shares to reach the broker: the threads, the connect rate limit and the TLS
 * settings.
 *
 * @param ssl TLS settings, or null for plain TCP
 */
public record FleetNetwork(SharedExecutors executors, ConnectThrottle throttle, @Nullable MqttClientSslConfig ssl) {

    public FleetNetwork {
        Objects.requireNonNull(executors, "executors");
        Objects.requireNonNull(throttle, "throttle");
    }
}
