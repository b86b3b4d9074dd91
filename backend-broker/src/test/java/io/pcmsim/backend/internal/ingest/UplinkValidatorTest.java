package io.pcmsim.backend.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcmsim.backend.testing.Uplinks;
import io.pcmsim.proto.v1.Header;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.proto.v1.VehicleState;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Topics;
import io.pcmsim.protocol.Vin;
import org.junit.jupiter.api.Test;
import java.time.Duration;
import java.time.Instant;

class UplinkValidatorTest {

    private static final Vin VIN = Vin.of("WP0ZZZ99ZTS392124");
    private static final Vin OTHER = Vin.of("WP0ZZZ99ZTS392125");
    /** Backend time the messages arrive at: the test headers' vehicle times are a few hours before it. */
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private final UplinkValidator validator = new UplinkValidator(
            ContentLimits.withTimeWindow(Duration.ofDays(365), Duration.ofDays(1)));

    private Validation validate(String topic, byte[] payload) {
        return validator.validate(new InboundMessage(topic, payload, NOW, () -> { }));
    }

    private static String topic(Vin vin, Service service) {
        return Topics.uplink(vin, service);
    }

    private static byte[] smartService(Vin vin) {
        return Uplinks.smartService(vin, 3, 7, Uplinks.healthyState(1000)).toByteArray();
    }

    private RejectReason rejection(String topic, byte[] payload) {
        Validation v = validate(topic, payload);
        assertThat(v).isInstanceOf(Validation.Rejected.class);
        return ((Validation.Rejected) v).reason();
    }

    @Test
    void validate_whenSmartServiceOnItsTopic_acceptsWithDecodedHeader() {
        Validation v = validate(topic(VIN, Service.SMART_SERVICE), smartService(VIN));

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

        assertThat(validate(topic(VIN, Service.LOGIN), login)).isInstanceOf(Validation.Accepted.class);
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

    private static byte[] withState(Vin vin, java.util.function.UnaryOperator<VehicleState.Builder> change) {
        UplinkEnvelope e = Uplinks.smartService(vin, 3, 7, Uplinks.healthyState(1000));
        VehicleState state = change.apply(e.getSmartService().getState().toBuilder()).build();
        return e.toBuilder().setSmartService(e.getSmartService().toBuilder().setState(state)).build().toByteArray();
    }

    private static byte[] withHeader(Vin vin, java.util.function.UnaryOperator<Header.Builder> change) {
        UplinkEnvelope e = Uplinks.smartService(vin, 3, 7, Uplinks.healthyState(1000));
        return e.toBuilder().setHeader(change.apply(e.getHeader().toBuilder())).build().toByteArray();
    }

    @Test
    void validate_whenRetained_rejectsRetained() {
        Validation v = validator.validate(new InboundMessage(topic(VIN, Service.SMART_SERVICE), smartService(VIN),
                NOW, true, () -> { }));

        assertThat(v).isInstanceOfSatisfying(Validation.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo(RejectReason.RETAINED));
    }

    @Test
    void validate_whenPayloadLargerThan64KiB_rejectsPayloadTooLarge() {
        assertThat(rejection(topic(VIN, Service.SMART_SERVICE), new byte[64 * 1024 + 1]))
                .isEqualTo(RejectReason.PAYLOAD_TOO_LARGE);
    }

    @Test
    void validate_whenSequenceZero_rejectsSequenceZero() {
        assertThat(rejection(topic(VIN, Service.SMART_SERVICE), withHeader(VIN, h -> h.setSequence(0))))
                .isEqualTo(RejectReason.SEQUENCE_ZERO);
    }

    @Test
    void validate_whenBootIdZero_rejectsBootIdZero() {
        assertThat(rejection(topic(VIN, Service.SMART_SERVICE), withHeader(VIN, h -> h.setBootId(0))))
                .isEqualTo(RejectReason.BOOT_ID_ZERO);
    }

    @Test
    void validate_whenVehicleTimeTwoDaysAhead_rejectsOutOfWindow() {
        long ahead = NOW.plus(Duration.ofDays(2)).toEpochMilli();

        assertThat(rejection(topic(VIN, Service.SMART_SERVICE), withHeader(VIN, h -> h.setVehicleTimeMs(ahead))))
                .isEqualTo(RejectReason.VEHICLE_TIME_OUT_OF_WINDOW);
    }

    @Test
    void validate_whenVehicleTimeUnset_rejectsOutOfWindow() {
        assertThat(rejection(topic(VIN, Service.SMART_SERVICE), withHeader(VIN, h -> h.setVehicleTimeMs(0))))
                .isEqualTo(RejectReason.VEHICLE_TIME_OUT_OF_WINDOW);
    }

    @Test
    void validate_whenVehicleTimeWithinWindow_accepts() {
        long monthsAgo = NOW.minus(Duration.ofDays(300)).toEpochMilli();
        long hoursAhead = NOW.plus(Duration.ofHours(20)).toEpochMilli();

        assertThat(validate(topic(VIN, Service.SMART_SERVICE), withHeader(VIN, h -> h.setVehicleTimeMs(monthsAgo))))
                .isInstanceOf(Validation.Accepted.class);
        assertThat(validate(topic(VIN, Service.SMART_SERVICE), withHeader(VIN, h -> h.setVehicleTimeMs(hoursAhead))))
                .isInstanceOf(Validation.Accepted.class);
    }

    @Test
    void validate_whenDtcLongerThan64Characters_rejectsStringTooLong() {
        assertThat(rejection(topic(VIN, Service.SMART_SERVICE), withState(VIN, s -> s.addDtc("P".repeat(65)))))
                .isEqualTo(RejectReason.STRING_TOO_LONG);
    }

    @Test
    void validate_whenMoreThan100Dtcs_rejectsListTooLong() {
        assertThat(rejection(topic(VIN, Service.SMART_SERVICE), withState(VIN, s -> {
            for (int i = 0; i < 101; i++) {
                s.addDtc("P0" + (100 + i));
            }
            return s;
        }))).isEqualTo(RejectReason.LIST_TOO_LONG);
    }

    @Test
    void validate_whenCrossedThresholdsTooMany_rejectsListTooLong() {
        UplinkEnvelope e = Uplinks.smartService(VIN, 3, 7, Uplinks.healthyState(1000));
        var report = e.getSmartService().toBuilder();
        for (int i = 0; i < 101; i++) {
            report.addCrossedThresholds("t" + i);
        }

        assertThat(rejection(topic(VIN, Service.SMART_SERVICE), e.toBuilder().setSmartService(report).build()
                .toByteArray())).isEqualTo(RejectReason.LIST_TOO_LONG);
    }

    @Test
    void validate_whenReadingIsNaN_rejectsNumberNotFinite() {
        assertThat(rejection(topic(VIN, Service.SMART_SERVICE), withState(VIN, s -> s.setEngineOilLifePercent(Double.NaN))))
                .isEqualTo(RejectReason.NUMBER_NOT_FINITE);
    }

    @Test
    void validate_whenReadingIsInfinite_rejectsNumberNotFinite() {
        assertThat(rejection(topic(VIN, Service.SMART_SERVICE),
                withState(VIN, s -> s.setOdometerKm(Double.POSITIVE_INFINITY))))
                .isEqualTo(RejectReason.NUMBER_NOT_FINITE);
    }

    @Test
    void validate_whenReadingHuge_rejectsNumberOutOfRange() {
        assertThat(rejection(topic(VIN, Service.SMART_SERVICE), withState(VIN, s -> s.setOdometerKm(1e12))))
                .isEqualTo(RejectReason.NUMBER_OUT_OF_RANGE);
    }

    @Test
    void validate_whenTimeToServiceIsLongMax_rejectsNumberOutOfRange() {
        assertThat(rejection(topic(VIN, Service.SMART_SERVICE), withState(VIN, s -> s.setTimeToServiceS(Long.MAX_VALUE))))
                .isEqualTo(RejectReason.NUMBER_OUT_OF_RANGE);
    }

    @Test
    void validate_whenDtcContainsNul_rejectsNulCharacter() {
        assertThat(rejection(topic(VIN, Service.SMART_SERVICE), withState(VIN, s -> s.addDtc("P0\u0000300"))))
                .isEqualTo(RejectReason.NUL_CHARACTER);
    }
}
