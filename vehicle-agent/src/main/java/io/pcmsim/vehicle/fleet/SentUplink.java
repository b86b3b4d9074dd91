package io.pcmsim.vehicle.fleet;

import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.UplinkHeader;
import java.time.Instant;
import java.util.Objects;

/**
 * An uplink a car handed to its MQTT connection, as kept in its {@link MessageHistory}. A message sent again
 * after a lost connection appears again, with the same header.
 *
 * @param service the service whose topic it went to
 * @param topic {@code pcm/v1/vehicles/{vin}/up/{service}}
 * @param header boot id, sequence number and vehicle (simulated) time of the message
 * @param sentAt real (wall-clock) time it was handed to the MQTT client
 * @param envelope the message as sent, header and body decoded
 */
public record SentUplink(Service service, String topic, UplinkHeader header, Instant sentAt, UplinkEnvelope envelope) {

    public SentUplink {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(envelope, "envelope");
    }

    /** The sequence number within its boot, from 1. */
    public long sequence() {
        return header.sequence();
    }

    /** The boot the message belongs to. */
    public long bootId() {
        return header.bootId();
    }
}
