package io.pcmsim.backend.internal.service;

import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.UplinkHeader;
import java.time.Instant;
import java.util.Objects;

/**
 * A validated uplink message ready to be stored.
 *
 * @param payload the bytes as received, stored unchanged
 * @param receivedAt backend clock when the message arrived
 */
public record UplinkRecord(UplinkHeader header, Service service, UplinkEnvelope envelope, byte[] payload,
                           Instant receivedAt) {
    public UplinkRecord {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
