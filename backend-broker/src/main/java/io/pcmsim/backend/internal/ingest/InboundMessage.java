package io.pcmsim.backend.internal.ingest;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One message as it arrived from the broker, independent of the MQTT client library.
 *
 * @param receivedAt backend clock when it arrived
 * @param retained whether the broker delivered it as a retained message
 * @param acknowledge sends the PUBACK; called once, after the message was handled (stored or rejected)
 * @param validation what {@link UplinkValidator} said of it on the thread that received it, or null: then the
 *        writer validates it
 */
public record InboundMessage(String topic, byte[] payload, Instant receivedAt, boolean retained,
                             Runnable acknowledge, @Nullable Validation validation) {
    public InboundMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(acknowledge, "acknowledge");
    }

    /** A message not validated yet. */
    public InboundMessage(String topic, byte[] payload, Instant receivedAt, boolean retained, Runnable acknowledge) {
        this(topic, payload, receivedAt, retained, acknowledge, null);
    }

    /**
     * This message validated by {@code validator} now, on the calling thread: the receiving threads decode and
     * check while the writer stores the batch before, instead of the writer doing both one after the other.
     */
    public InboundMessage validatedBy(UplinkValidator validator) {
        return new InboundMessage(topic, payload, receivedAt, retained, acknowledge, validator.validate(this));
    }

    /** A message that was not retained. */
    public InboundMessage(String topic, byte[] payload, Instant receivedAt, Runnable acknowledge) {
        this(topic, payload, receivedAt, false, acknowledge);
    }
}
