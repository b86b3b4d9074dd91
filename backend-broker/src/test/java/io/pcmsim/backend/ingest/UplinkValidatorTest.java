package io.pcmsim.backend.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcmsim.backend.testing.Uplinks;
import io.pcmsim.proto.v1.Header;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Topics;
import io.pcmsim.protocol.Vin;
import org.junit.jupiter.api.Test;

class UplinkValidatorTest {

    private static final Vin VIN = Vin.of("WP0ZZZ99ZTS392124");
    private static final Vin OTHER = Vin.of("WP0ZZZ99ZTS392125");
    private final UplinkValidator validator = new UplinkValidator();

    private static String topic(Vin vin, Service service) {
        return Topics.uplink(vin, service);
    }

    private static byte[] smartService(Vin vin) {
        return Uplinks.smartService(vin, 3, 7, Uplinks.healthyState(1000)).toByteArray();
    }

    private RejectReason rejection(String topic, byte[] payload) {
        Validation v = validator.validate(topic, payload);
        assertThat(v).isInstanceOf(Validation.Rejected.class);
        return ((Validation.Rejected) v).reason();
    }

    @Test
    void validate_whenSmartServiceOnItsTopic_acceptsWithDecodedHeader() {
        Validation v = validator.validate(topic(VIN, Service.SMART_SERVICE), smartService(VIN));

        assertThat(v).isInstanceOfSatisfying(Validation.Accepted.class, a -> {
            assertThat(a.service()).isEqualTo(Service.SMART_SERVICE);
            assertThat(a.header().vin()).isEqualTo(VIN);
            assertThat(a.header().bootId()).isEqualTo(3);
            assertThat(a.header().sequence()).isEqualTo(7);
        });
    }

    @Test
    void validate_whenLoginOnLoginTopic_accepts() {
        byte[] login = Uplinks.login(VIN, 1, 1).toByteArray();

        assertThat(validator.validate(topic(VIN, Service.LOGIN), login)).isInstanceOf(Validation.Accepted.class);
    }

    @Test
    void validate_whenTopicIsNotUplink_rejectsMalformedTopic() {
        assertThat(rejection("pcm/v1/vehicles/" + VIN + "/down/login", smartService(VIN)))
                .isEqualTo(RejectReason.MALFORMED_TOPIC);
    }

    @Test
    void validate_whenServiceUnknown_rejectsUnknownService() {
        assertThat(rejection("pcm/v1/vehicles/" + VIN + "/up/telemetry", smartService(VIN)))
                .isEqualTo(RejectReason.UNKNOWN_SERVICE);
    }

    @Test
    void validate_whenSmartServiceBodyOnTheMapTopic_rejectsBodyTopicMismatch() {
        assertThat(rejection("pcm/v1/vehicles/" + VIN + "/up/map", smartService(VIN)))
                .isEqualTo(RejectReason.BODY_TOPIC_MISMATCH);
    }

    @Test
    void validate_whenTopicVinMalformed_rejectsInvalidVin() {
        assertThat(rejection("pcm/v1/vehicles/WP0ZZZ99Z/up/smart-service", smartService(VIN)))
                .isEqualTo(RejectReason.INVALID_VIN);
    }

    @Test
    void validate_whenPayloadIsNotProtobuf_rejectsMalformedPayload() {
        byte[] garbage = {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01, 0x02};

        assertThat(rejection(topic(VIN, Service.SMART_SERVICE), garbage)).isEqualTo(RejectReason.MALFORMED_PAYLOAD);
    }

    @Test
    void validate_whenHeaderMissing_rejectsMissingHeader() {
        byte[] noHeader = Uplinks.smartService(VIN, 1, 1, Uplinks.healthyState(0)).toBuilder().clearHeader()
                .build().toByteArray();

        assertThat(rejection(topic(VIN, Service.SMART_SERVICE), noHeader)).isEqualTo(RejectReason.MISSING_HEADER);
    }

    @Test
    void validate_whenEmptyPayload_rejectsMissingHeader() {
        assertThat(rejection(topic(VIN, Service.SMART_SERVICE), new byte[0])).isEqualTo(RejectReason.MISSING_HEADER);
    }

    @Test
    void validate_whenSchemaVersionIs2_rejectsUnsupportedSchemaVersion() {
        UplinkEnvelope e = Uplinks.smartService(VIN, 1, 1, Uplinks.healthyState(0));
        byte[] v2 = e.toBuilder().setHeader(e.getHeader().toBuilder().setSchemaVersion(2)).build().toByteArray();

        assertThat(rejection(topic(VIN, Service.SMART_SERVICE), v2))
                .isEqualTo(RejectReason.UNSUPPORTED_SCHEMA_VERSION);
    }

    @Test
    void validate_whenHeaderVinMalformed_rejectsInvalidVin() {
        UplinkEnvelope e = Uplinks.smartService(VIN, 1, 1, Uplinks.healthyState(0));
        Header bad = e.getHeader().toBuilder().setVin("WP0ZZZ99ZTS39212O").build();

        assertThat(rejection(topic(VIN, Service.SMART_SERVICE), e.toBuilder().setHeader(bad).build().toByteArray()))
                .isEqualTo(RejectReason.INVALID_VIN);
    }

    @Test
    void validate_whenHeaderVinDiffersFromTopicVin_rejectsVinMismatch() {
        assertThat(rejection(topic(VIN, Service.SMART_SERVICE), smartService(OTHER)))
                .isEqualTo(RejectReason.VIN_MISMATCH);
    }

    @Test
    void validate_whenBodyDoesNotMatchTopic_rejectsBodyTopicMismatch() {
        assertThat(rejection(topic(VIN, Service.BREAKDOWN), smartService(VIN)))
                .isEqualTo(RejectReason.BODY_TOPIC_MISMATCH);
    }

    @Test
    void validate_whenBodyMissing_rejectsBodyTopicMismatch() {
        byte[] headerOnly = UplinkEnvelope.newBuilder().setHeader(Uplinks.header(VIN, 1, 1)).build().toByteArray();

        assertThat(rejection(topic(VIN, Service.SMART_SERVICE), headerOnly))
                .isEqualTo(RejectReason.BODY_TOPIC_MISMATCH);
    }

    @Test
    void rejectReason_codes_areStableLowerCaseNames() {
        assertThat(RejectReason.VIN_MISMATCH.code()).isEqualTo("vin-mismatch");
        assertThat(RejectReason.MALFORMED_PAYLOAD.code()).isEqualTo("malformed-payload");
        assertThat(RejectReason.UNSUPPORTED_SCHEMA_VERSION.code()).isEqualTo("unsupported-schema-version");
    }
}
