package io.pcmsim.vehicle.session;

import com.hivemq.client.mqtt.MqttClientExecutorConfig;
import io.pcmsim.protocol.Vin;
import java.time.Duration;
import java.util.Objects;

/**
 * How one vehicle connects.
 *
 * @param vin client identifier
 * @param willTopic topic of the Last Will (retained, QoS 1)
 * @param willPayload payload of the Last Will
 * @param reconnectInitialDelay first automatic reconnect delay; doubles per failed attempt
 * @param reconnectMaxDelay cap of the reconnect delay
 */
public record LinkConfig(MqttVersion version, String host, int port, Vin vin, String willTopic, byte[] willPayload,
        MqttClientExecutorConfig executorConfig, Duration reconnectInitialDelay, Duration reconnectMaxDelay) {

    public LinkConfig {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(willTopic, "willTopic");
        willPayload = willPayload.clone();
        Objects.requireNonNull(executorConfig, "executorConfig");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("broker port must be 1 to 65535, was " + port);
        }
    }
}
