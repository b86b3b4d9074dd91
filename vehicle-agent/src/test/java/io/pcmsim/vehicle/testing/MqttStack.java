package io.pcmsim.vehicle.testing;

import io.pcmsim.vehicle.fleet.FleetConfig;
import io.pcmsim.vehicle.fleet.MqttClientLibrary;
import io.pcmsim.vehicle.fleet.MqttVersion;

/** The MQTT client library and protocol version a test's cars run on: the contract tests run on each. */
public enum MqttStack {
    HIVEMQ_MQTT_5(MqttClientLibrary.HIVEMQ, MqttVersion.MQTT_5),
    HIVEMQ_MQTT_3_1_1(MqttClientLibrary.HIVEMQ, MqttVersion.MQTT_3_1_1),
    PAHO_MQTT_5(MqttClientLibrary.PAHO, MqttVersion.MQTT_5);

    private final MqttClientLibrary library;
    private final MqttVersion version;

    MqttStack(MqttClientLibrary library, MqttVersion version) {
        this.library = library;
        this.version = version;
    }

    /** {@code builder} with this library and version. */
    public FleetConfig.Builder on(FleetConfig.Builder builder) {
        return builder.mqttClient(library).mqttVersion(version);
    }
}
