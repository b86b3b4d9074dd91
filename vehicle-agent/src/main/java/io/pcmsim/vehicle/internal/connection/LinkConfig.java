package io.pcmsim.vehicle.internal.connection;

import com.hivemq.client.mqtt.MqttClientExecutorConfig;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import io.pcmsim.protocol.Vin;
import io.pcmsim.vehicle.fleet.MqttCredentials;
import io.pcmsim.vehicle.fleet.MqttVersion;
import io.pcmsim.vehicle.internal.ConnectThrottle;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * How one vehicle connects.
 *
 * @param vin client identifier
 * @param willTopic topic of the Last Will (retained, QoS 1); its payload is chosen per connect attempt
 * @param scheduler the fleet's shared scheduler; it times the reconnect backoff
 * @param reconnectInitialDelay first reconnect delay; doubles per failed attempt
 * @param reconnectMaxDelay cap of the reconnect delay
 * @param throttle the fleet's connect rate limit; every reconnect attempt waits for its permit
 * @param ssl TLS settings shared by the fleet, or null for plain TCP
 * @param credentials user name and password sent in every CONNECT, or null for none
 */
record LinkConfig(MqttVersion version, String host, int port, Vin vin, String willTopic,
        MqttClientExecutorConfig executorConfig, ScheduledExecutorService scheduler, Duration reconnectInitialDelay,
        Duration reconnectMaxDelay, ConnectThrottle throttle, @Nullable MqttClientSslConfig ssl,
        @Nullable MqttCredentials credentials) {

    LinkConfig {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(willTopic, "willTopic");
        Objects.requireNonNull(executorConfig, "executorConfig");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(reconnectInitialDelay, "reconnectInitialDelay");
        Objects.requireNonNull(reconnectMaxDelay, "reconnectMaxDelay");
        Objects.requireNonNull(throttle, "throttle");
        if (reconnectInitialDelay.isNegative() || reconnectInitialDelay.compareTo(reconnectMaxDelay) > 0) {
            throw new IllegalArgumentException("reconnect delays must be 0 <= initial <= max, were "
                    + reconnectInitialDelay + " and " + reconnectMaxDelay);
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("broker port must be 1 to 65535, was " + port);
        }
    }
}
