package io.pcmsim.backend.internal.ingest;

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
    BODY_TOPIC_MISMATCH("body-topic-mismatch"),
    /** The broker delivered the message as a retained one: a stale copy, not a fresh uplink. */
    RETAINED("retained"),
    /** The payload is larger than {@link ContentLimits#maxPayloadBytes()}. */
    PAYLOAD_TOO_LARGE("payload-too-large"),
    /** The header's boot id is 0 (unset). */
    BOOT_ID_ZERO("boot-id-zero"),
    /** The header's sequence is 0 (unset); sequences start at 1. */
    SEQUENCE_ZERO("sequence-zero"),
    /** The header's vehicle time is further from the backend's clock than the configured window allows. */
    VEHICLE_TIME_OUT_OF_WINDOW("vehicle-time-out-of-window"),
    /** A text field is longer than {@link ContentLimits#maxStringChars()}. */
    STRING_TOO_LONG("string-too-long"),
    /** A text field contains U+0000. */
    NUL_CHARACTER("nul-character"),
    /** A repeated field has more than {@link ContentLimits#maxListElements()} elements. */
    LIST_TOO_LONG("list-too-long"),
    /** A floating-point field is NaN or infinite. */
    NUMBER_NOT_FINITE("number-not-finite"),
    /** A number is beyond {@link ContentLimits}' magnitude bounds (or an unsigned one above 2^63 - 1). */
    NUMBER_OUT_OF_RANGE("number-out-of-range"),
    /** The message passed validation but the store refused it (isolated from its batch, never retried). */
    STORE_REFUSED("store-refused");

    private final String code;

    RejectReason(String code) {
        this.code = code;
    }

    /** Stable lower-case name, e.g. {@code vin-mismatch}. */
    public String code() {
        return code;
    }
}
