package io.pcmsim.backend.internal.ingest;

import io.pcmsim.proto.v1.Header;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.MalformedPayloadException;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Topics;
import io.pcmsim.protocol.UplinkCodec;
import io.pcmsim.protocol.UplinkHeader;
import io.pcmsim.protocol.Vin;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks one uplink message against protocol v1 and the {@link ContentLimits}, in this order: not
 * retained, payload size, topic shape, known service, topic VIN well-formed, payload decodes, header
 * present, schema version 1, header VIN well-formed, header VIN equals topic VIN, body accepted by the
 * topic's service, boot id and sequence set, vehicle time within the window around the time the backend
 * received it, every field within the content limits. The first failed check decides the
 * {@link RejectReason}. Stateless and thread-safe; never throws for bad input.
 */
public final class UplinkValidator {

    private final ContentLimits limits;
    private final ContentCheck content;

    public UplinkValidator(ContentLimits limits) {
        this.limits = limits;
        this.content = new ContentCheck(limits);
    }

    public Validation validate(InboundMessage m) {
        if (m.retained()) {
            return reject(RejectReason.RETAINED, "uplinks are never retained; a retained copy is stale");
        }
        if (m.payload().length > limits.maxPayloadBytes()) {
            return reject(RejectReason.PAYLOAD_TOO_LARGE, "payload of " + m.payload().length
                    + " bytes, at most " + limits.maxPayloadBytes() + " allowed");
        }
        Validation v = validateProtocol(m.topic(), m.payload());
        if (v instanceof Validation.Accepted a) {
            return plausible(a, m.receivedAt());
        }
        return v;
    }

    private Validation plausible(Validation.Accepted a, Instant receivedAt) {
        if (a.header().bootId() == 0) {
            return reject(RejectReason.BOOT_ID_ZERO, "boot id 0 is not set; boot ids start at 1");
        }
        if (a.header().sequence() == 0) {
            return reject(RejectReason.SEQUENCE_ZERO, "sequence 0 is not set; sequences start at 1");
        }
        Instant time = a.header().vehicleTime();
        if (time.isBefore(receivedAt.minus(limits.vehicleTimeBehind()))
                || time.isAfter(receivedAt.plus(limits.vehicleTimeAhead()))) {
            return reject(RejectReason.VEHICLE_TIME_OUT_OF_WINDOW, "vehicle time " + time + " is not within "
                    + limits.vehicleTimeBehind() + " before and " + limits.vehicleTimeAhead() + " after " + receivedAt);
        }
        Optional<Validation.Rejected> bad = content.check(a.envelope());
        return bad.isPresent() ? bad.get() : a;
    }

    private Validation validateProtocol(String topic, byte[] payload) {
        Optional<Topics.UplinkTopic> parsed = Topics.parseUplink(topic);
        if (parsed.isEmpty()) {
            return reject(RejectReason.MALFORMED_TOPIC, "topic [" + topic + "] is not pcm/v1/vehicles/{vin}/up/{service}");
        }
        String vinText = parsed.get().vinText();
        String level = parsed.get().serviceLevel();
        Optional<Service> service = Service.fromTopicName(level);
        if (service.isEmpty()) {
            return reject(RejectReason.UNKNOWN_SERVICE, "topic service [" + level + "] is not an uplink service");
        }
        if (!Vin.isValid(vinText)) {
            return reject(RejectReason.INVALID_VIN, "topic VIN [" + vinText + "] is not a valid VIN");
        }
        UplinkEnvelope envelope;
        try {
            envelope = UplinkCodec.parse(payload);
        } catch (MalformedPayloadException e) {
            return reject(RejectReason.MALFORMED_PAYLOAD, e.getMessage());
        }
        if (!envelope.hasHeader()) {
            return reject(RejectReason.MISSING_HEADER, "envelope has no header");
        }
        Header header = envelope.getHeader();
        if (header.getSchemaVersion() != UplinkCodec.SCHEMA_VERSION) {
            return reject(RejectReason.UNSUPPORTED_SCHEMA_VERSION, "schema version " + header.getSchemaVersion()
                    + " is not supported, only " + UplinkCodec.SCHEMA_VERSION);
        }
        if (!Vin.isValid(header.getVin())) {
            return reject(RejectReason.INVALID_VIN, "header VIN [" + header.getVin() + "] is not a valid VIN");
        }
        if (!header.getVin().equals(vinText)) {
            return reject(RejectReason.VIN_MISMATCH, "header VIN [" + header.getVin()
                    + "] differs from topic VIN [" + vinText + "]");
        }
        if (!service.get().accepts(envelope.getBodyCase())) {
            return reject(RejectReason.BODY_TOPIC_MISMATCH, "body " + envelope.getBodyCase()
                    + " is not accepted on the " + level + " topic");
        }
        UplinkHeader domainHeader = UplinkCodec.header(header);
        return new Validation.Accepted(service.get(), domainHeader, envelope);
    }

    private static Validation reject(RejectReason reason, String detail) {
        return new Validation.Rejected(reason, detail);
    }
}
