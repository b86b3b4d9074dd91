package io.pcmsim.backend.broker;

/**
 * Observes every inbound PUBLISH the embedded broker receives from any client.
 *
 * <p>Called on broker threads, concurrently, once per publish before it is routed: implementations
 * must be thread-safe, fast and must not block (count, or hand off to a queue). An exception thrown
 * here is logged and ignored; it never affects the publish.
 */
@FunctionalInterface
public interface BrokerTrafficListener {

    /**
     * @param clientId MQTT client identifier of the publisher
     * @param topic topic the message was published to
     * @param payloadBytes payload size in bytes (0 for an empty payload)
     */
    void onPublish(String clientId, String topic, int payloadBytes);
}
