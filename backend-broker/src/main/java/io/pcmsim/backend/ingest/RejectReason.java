package io.pcmsim.backend.ingest;

/** Why the backend refused an uplink message; {@link #code()} is the stable name used in statistics. */
public enum RejectReason {
    /** The topic does not have the shape {@code pcm/v1/vehicles/{vin}/up/{service}}. */
    MALFORMED_TOPIC("malformed-topic"),
    /** The topic's service level names no uplink service. */
    UNKNOWN_SERVICE("unknown-service"),
    /** The VIN in the topic or in the header is not a valid VIN. */
    INVALID_VIN("invalid-vin"),
    /** The payload is not a {@code pcm.v1.UplinkEnvelope}. */
    MALFORMED_PAYLOAD("malformed-payload"),
    /** The envelope has no header. */
    MISSING_HEADER("missing-header"),
    /** The header's schema version is not 1. */
    UNSUPPORTED_SCHEMA_VERSION("unsupported-schema-version"),
    /** The header's VIN differs from the topic's VIN. */
    VIN_MISMATCH("vin-mismatch"),
    /** The body is missing or not one the topic's service accepts. */
    BODY_TOPIC_MISMATCH("body-topic-mismatch");

    private final String code;

    RejectReason(String code) {
        this.code = code;
    }

    /** Stable lower-case name, e.g. {@code vin-mismatch}. */
    public String code() {
        return code;
    }
}
