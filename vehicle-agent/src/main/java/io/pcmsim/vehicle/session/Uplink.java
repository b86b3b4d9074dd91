package io.pcmsim.vehicle.session;

import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import java.time.Instant;
import java.util.Objects;

/**
 * An uplink message that passed the privacy gate and has no header yet: boot id and sequence number are
 * stamped when it is handed to the broker connection.
 *
 * @param service service whose topic it goes to
 * @param producedAt vehicle (simulated) time it was produced; becomes the header's vehicle time
 * @param body envelope with the body set and no header
 */
public record Uplink(Service service, Instant producedAt, UplinkEnvelope body) {

    public Uplink {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(producedAt, "producedAt");
        Objects.requireNonNull(body, "body");
        if (!service.accepts(body.getBodyCase())) {
            throw new IllegalArgumentException("body " + body.getBodyCase() + " does not belong on the "
                    + service.topicName() + " topic");
        }
    }
}
