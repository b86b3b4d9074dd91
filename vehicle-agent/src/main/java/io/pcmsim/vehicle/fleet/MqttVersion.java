package io.pcmsim.vehicle.fleet;

/** MQTT protocol version a vehicle speaks. */
public enum MqttVersion {
    /** MQTT 3.1.1. */
    MQTT_3_1_1,
    /** MQTT 5.0, the default. */
    MQTT_5
}
