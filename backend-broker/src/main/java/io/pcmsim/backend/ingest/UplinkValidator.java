package io.pcmsim.backend.ingest;

import io.pcmsim.proto.v1.Header;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.MalformedPayloadException;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Topics;
import io.pcmsim.protocol.UplinkCodec;
import io.pcmsim.protocol.UplinkHeader;
import io.pcmsim.protocol.Vin;
import java.util.Optional;

/**
 * Checks one uplink message against protocol v1, in this order: topic shape, known service, topic
 * VIN well-formed, payload decodes, header present, schema version 1, header VIN well-formed, header
 * VIN equals topic VIN, body accepted by the topic's service. The first failed check decides the
 * {@link RejectReason}. Stateless and thread-safe; never throws for bad input.
 */
public final class UplinkValidator {

    public Validation validate(String topic, byte[] payload) {
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
