package io.pcmsim.vehicle.internal.connection;

import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.UplinkCodec;
import io.pcmsim.protocol.UplinkHeader;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An uplink message that passed the privacy gate. Boot id and sequence number are stamped when it is
 * first handed to the broker connection; a message whose publish was lost with the connection keeps
 * that header when it is sent again, so the backend recognises a copy that did arrive as a duplicate.
 *
 * @param service service whose topic it goes to
 * @param producedAt vehicle (simulated) time it was produced; becomes the header's vehicle time
 * @param body the envelope with the body set and no header, encoded: a queued message holds its few
 *     hundred bytes, not the message objects; the header's encoding goes in front when it is sent
 * @param epoch the gate's epoch when it was admitted (see {@link PrivacyGate#blockedSince})
 * @param attempts how many times it was handed to a connection so far
 * @param header the header stamped at the first attempt; null before it
 */
record Uplink(Service service, Instant producedAt, byte[] body, long epoch, int attempts,
        @Nullable UplinkHeader header) {

    /**
     * A message admitted in {@code epoch}, not yet handed to a connection.
     *
     * @param envelope the body set; a header set is dropped (the one stamped at sending replaces it)
     * @throws IllegalArgumentException when the body does not belong on the service's topic
     */
    static Uplink admitted(Service service, Instant producedAt, UplinkEnvelope envelope, long epoch) {
        if (!service.accepts(envelope.getBodyCase())) {
            throw new IllegalArgumentException("body " + envelope.getBodyCase() + " does not belong on the "
                    + service.topicName() + " topic");
        }
        // the header is stamped when the message is sent; one set before would be replaced then
        UplinkEnvelope body = envelope.hasHeader() ? envelope.toBuilder().clearHeader().build() : envelope;
        return new Uplink(service, producedAt, body.toByteArray(), epoch, 0, null);
    }

    /**
     * The payload of an attempt under {@code stamped}: the header's encoding, then the body's. The header
     * is field 1 of the envelope, so these are the bytes the envelope with both set encodes to.
     */
    byte[] payload(UplinkHeader stamped) {
        byte[] header = UplinkEnvelope.newBuilder().setHeader(UplinkCodec.header(stamped)).build().toByteArray();
        byte[] payload = Arrays.copyOf(header, header.length + body.length);
        System.arraycopy(body, 0, payload, header.length, body.length);
        return payload;
    }

    /** This message after one more attempt, under the header of its first attempt. */
    Uplink attempted(UplinkHeader firstHeader) {
        return new Uplink(service, producedAt, body, epoch, attempts + 1, firstHeader);
    }

    Uplink {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(producedAt, "producedAt");
        Objects.requireNonNull(body, "body");
    }
}
