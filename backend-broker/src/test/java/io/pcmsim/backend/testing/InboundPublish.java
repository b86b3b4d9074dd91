package io.pcmsim.backend.testing;

/** One PUBLISH the embedded broker received, as {@link EmbeddedBrokerExtension} recorded it. */
public record InboundPublish(String clientId, String topic, int payloadBytes) {
}
