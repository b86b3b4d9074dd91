package io.pcmsim.vehicle.fleet;

/**
 * The MQTT client library the cars of a fleet run on. Both speak the same protocol to the broker and keep
 * the same guarantees (QoS 1 publishes completed by the PUBACK, Last Will per boot, reconnects decided by
 * the car, connect rate limit, TLS, credentials); they differ in what a car costs (see
 * {@code docs/performance.md}).
 */
public enum MqttClientLibrary {
    /**
     * The HiveMQ MQTT client (MQTT 5 and 3.1.1), the default: every car of a fleet shares two Netty
     * threads, so it is the one for large fleets.
     */
    HIVEMQ,
    /**
     * The Eclipse Paho MQTT v5 client (MQTT 5 only), the stack many embedded Java agents use: blocking
     * sockets, so three threads per connected car (taken from a pool the fleet shares).
     */
    PAHO
}
