package io.pcmsim.vehicle.internal.connection;

import com.hivemq.client.mqtt.MqttClientExecutorConfig;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import io.pcmsim.protocol.Vin;
import io.pcmsim.vehicle.fleet.MqttClientLibrary;
import io.pcmsim.vehicle.fleet.MqttCredentials;
import io.pcmsim.vehicle.fleet.MqttVersion;
import io.pcmsim.vehicle.internal.ConnectThrottle;
import io.pcmsim.vehicle.internal.FleetNetwork;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * How one vehicle connects.
 *
 * @param library the MQTT client library; {@link MqttClientLibrary#PAHO} speaks MQTT 5 only
 * @param vin client identifier
 * @param willTopic topic of the Last Will (retained, QoS 1); its payload is chosen per connect attempt
 * @param network the fleet's threads (its scheduler times the reconnect backoff), connect rate limit (every
 *     reconnect attempt waits for its permit) and TLS settings
 * @param reconnectInitialDelay first reconnect delay; doubles per failed attempt
 * @param reconnectMaxDelay cap of the reconnect delay
 * @param credentials user name and password sent in every CONNECT, or null for none
 */
record LinkConfig(MqttVersion version, MqttClientLibrary library, String host, int port, Vin vin, String willTopic,
        FleetNetwork network, Duration reconnectInitialDelay, Duration reconnectMaxDelay,
        @Nullable MqttCredentials credentials) {

    LinkConfig {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(willTopic, "willTopic");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(reconnectInitialDelay, "reconnectInitialDelay");
        Objects.requireNonNull(reconnectMaxDelay, "reconnectMaxDelay");
        if (library == MqttClientLibrary.PAHO && version != MqttVersion.MQTT_5) {
            throw new IllegalArgumentException("the Paho client speaks MQTT 5 only, was " + version);
        }
        if (reconnectInitialDelay.isNegative() || reconnectInitialDelay.compareTo(reconnectMaxDelay) > 0) {
            throw new IllegalArgumentException("reconnect delays must be 0 <= initial <= max, were "
                    + reconnectInitialDelay + " and " + reconnectMaxDelay);
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("broker port must be 1 to 65535, was " + port);
        }
    }

    /** The HiveMQ client's shared executors. */
    MqttClientExecutorConfig executorConfig() {
        return network.executors().clientExecutorConfig();
    }

    /** The fleet's shared scheduler. */
    ScheduledExecutorService scheduler() {
        return network.executors().scheduler();
    }

    /** The fleet's connect rate limit. */
    ConnectThrottle throttle() {
        return network.throttle();
    }

    /** The HiveMQ client's TLS settings, or null for plain TCP. */
    @Nullable MqttClientSslConfig ssl() {
        return network.ssl();
    }
}
