package io.pcmsim.backend.internal.ingest;

import java.time.Instant;
import java.util.Objects;

/**
 * One message as it arrived from the broker, independent of the MQTT client library.
 *
 * @param receivedAt backend clock when it arrived
 * @param retained whether the broker delivered it as a retained message
 * @param acknowledge sends the PUBACK; called once, after the message was handled (stored or rejected)
 */
public record InboundMessage(String topic, byte[] payload, Instant receivedAt, boolean retained,
                             Runnable acknowledge) {
    public InboundMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(acknowledge, "acknowledge");
    }

    /** A message that was not retained. */
    public InboundMessage(String topic, byte[] payload, Instant receivedAt, Runnable acknowledge) {
        this(topic, payload, receivedAt, false, acknowledge);
    }
}
