package io.pcmsim.vehicle.internal.connection;

import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.UplinkHeader;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An uplink message that passed the privacy gate. Boot id and sequence number are stamped when it is
 * first handed to the broker connection; a message whose publish was lost with the connection keeps
 * that header when it is sent again, so the backend recognises a copy that did arrive as a duplicate.
 *
 * @param service service whose topic it goes to
 * @param producedAt vehicle (simulated) time it was produced; becomes the header's vehicle time
 * @param body envelope with the body set and no header
 * @param epoch the gate's epoch when it was admitted (see {@link PrivacyGate#blockedSince})
 * @param attempts how many times it was handed to a connection so far
 * @param header the header stamped at the first attempt; null before it
 */
record Uplink(Service service, Instant producedAt, UplinkEnvelope body, long epoch, int attempts,
        @Nullable UplinkHeader header) {

    /** A message admitted in {@code epoch}, not yet handed to a connection. */
    Uplink(Service service, Instant producedAt, UplinkEnvelope body, long epoch) {
        this(service, producedAt, body, epoch, 0, null);
    }

    /** This message after one more attempt, under the header of its first attempt. */
    Uplink attempted(UplinkHeader firstHeader) {
        return new Uplink(service, producedAt, body, epoch, attempts + 1, firstHeader);
    }

    Uplink {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(producedAt, "producedAt");
        Objects.requireNonNull(body, "body");
        if (!service.accepts(body.getBodyCase())) {
            throw new IllegalArgumentException("body " + body.getBodyCase() + " does not belong on the "
                    + service.topicName() + " topic");
        }
    }
}
