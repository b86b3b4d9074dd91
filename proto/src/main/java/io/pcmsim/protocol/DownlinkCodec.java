package io.pcmsim.protocol;

import com.google.protobuf.InvalidProtocolBufferException;
import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.proto.v1.DownlinkHeader;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds and reads downlink envelopes (backend to car) of schema v1, and knows which downlink level
 * each body travels on. Stateless and thread-safe.
 */
public final class DownlinkCodec {

    private static final Map<DownlinkEnvelope.BodyCase, Service> LEVELS = new EnumMap<>(DownlinkEnvelope.BodyCase.class);

    static {
        LEVELS.put(DownlinkEnvelope.BodyCase.REBIRTH_REQUEST, Service.LOGIN);
        LEVELS.put(DownlinkEnvelope.BodyCase.COLLECTION_CONFIG, Service.SMART_SERVICE);
        LEVELS.put(DownlinkEnvelope.BodyCase.NAVIGATION_DESTINATION, Service.SMART_SERVICE);
        LEVELS.put(DownlinkEnvelope.BodyCase.DATA_PULL_REQUEST, Service.BREAKDOWN);
        LEVELS.put(DownlinkEnvelope.BodyCase.SOFTWARE_UPDATE_ANSWER, Service.SOFTWARE_UPDATE);
        LEVELS.put(DownlinkEnvelope.BodyCase.UPDATE_CHUNK, Service.SOFTWARE_UPDATE);
        LEVELS.put(DownlinkEnvelope.BodyCase.MANUAL_LINKS, Service.MANUAL);
        LEVELS.put(DownlinkEnvelope.BodyCase.MANUAL_PROFILE_RESULT, Service.MANUAL);
        LEVELS.put(DownlinkEnvelope.BodyCase.MAP_ENTITLEMENT, Service.MAP_UPDATE);
    }

    private DownlinkCodec() {
    }

    /**
     * The service whose downlink level {@code body} travels on.
     *
     * @throws IllegalArgumentException for {@code BODY_NOT_SET}
     */
    public static Service serviceOf(DownlinkEnvelope.BodyCase body) {
        Service service = LEVELS.get(body);
        if (service == null) {
            throw new IllegalArgumentException("downlink body " + body + " belongs to no service");
        }
        return service;
    }

    /** A header for a message to {@code vin}. */
    public static DownlinkHeader header(Vin vin, String messageId, Instant backendTime) {
        Objects.requireNonNull(messageId, "messageId");
        return DownlinkHeader.newBuilder()
                .setVin(vin.value())
                .setMessageId(messageId)
                .setBackendTimeMs(backendTime.toEpochMilli())
                .setSchemaVersion(UplinkCodec.SCHEMA_VERSION)
                .build();
    }

    /**
     * Parses a downlink payload.
     *
     * @throws MalformedPayloadException if the bytes are not a {@link DownlinkEnvelope}
     */
    public static DownlinkEnvelope parse(byte[] payload) {
        try {
            return DownlinkEnvelope.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedPayloadException("payload of " + payload.length
                    + " bytes is not a pcm.v1.DownlinkEnvelope: " + e.getMessage(), e);
        }
    }
}
