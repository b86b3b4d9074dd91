package io.pcmsim.vehicle.fleet;

import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.protocol.Service;
import java.time.Instant;
import java.util.Objects;

/**
 * A downlink a car received and handed to its service, as kept in its {@link MessageHistory}; downlinks the
 * car dropped as unusable are not kept (they count in {@link FleetStats#malformedDownlinks()}).
 *
 * @param service the service whose downlink level it arrived on
 * @param receivedAt real (wall-clock) time it arrived
 * @param envelope the message, header and body decoded
 */
public record ReceivedDownlink(Service service, Instant receivedAt, DownlinkEnvelope envelope) {

    public ReceivedDownlink {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(envelope, "envelope");
    }
}
