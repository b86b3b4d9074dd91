package io.pcmsim.vehicle.internal;

import com.hivemq.client.mqtt.MqttClientSslConfig;
import java.util.Objects;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * What every car of a fleet shares to reach the broker: the threads, the connect rate limit and the TLS
 * settings.
 *
 * @param ssl TLS settings of the HiveMQ client, or null for plain TCP
 * @param sslSockets the same TLS settings for the Paho client, or null for plain TCP
 */
public record FleetNetwork(SharedExecutors executors, ConnectThrottle throttle, @Nullable MqttClientSslConfig ssl,
        @Nullable SSLSocketFactory sslSockets) {

    public FleetNetwork {
        Objects.requireNonNull(executors, "executors");
        Objects.requireNonNull(throttle, "throttle");
        if ((ssl == null) != (sslSockets == null)) {
            throw new IllegalArgumentException("TLS settings must be given for both clients or for none");
        }
    }

    /** Plain TCP or {@code ssl}, for either client. */
    public static FleetNetwork of(SharedExecutors executors, ConnectThrottle throttle, @Nullable MqttClientSslConfig ssl) {
        return new FleetNetwork(executors, throttle, ssl, ssl == null ? null : TlsSettings.socketFactory(ssl));
    }
}
