package io.pcmsim.backend.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.ListValue;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.Value;
import io.pcmsim.backend.testing.Uplinks;
import io.pcmsim.proto.v1.AppointmentRequest;
import io.pcmsim.proto.v1.BreakdownReport;
import io.pcmsim.proto.v1.CollectionConfigApplied;
import io.pcmsim.proto.v1.DriverSettings;
import io.pcmsim.proto.v1.Login;
import io.pcmsim.proto.v1.ManualEvent;
import io.pcmsim.proto.v1.ManualProfileRequest;
import io.pcmsim.proto.v1.MapEntitlementRequest;
import io.pcmsim.proto.v1.SoftwareComponent;
import io.pcmsim.proto.v1.SoftwareUpdateQuery;
import io.pcmsim.proto.v1.SoftwareUpdateStatus;
import io.pcmsim.proto.v1.TrackPoint;
import io.pcmsim.proto.v1.UpdateChunkRequest;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.proto.v1.VehicleState;
import io.pcmsim.protocol.Vin;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The content check's verdicts, reason and detail, on hand-made messages; each verdict is also compared with
 * {@link ReflectionContentCheck}, the walk over {@code getAllFields()} the check replaced.
 */
class ContentCheckTest {

    private static final Vin VIN = Vin.of("WP0ZZZ99ZTS392124");
    private static final ContentLimits LIMITS = ContentLimits.withTimeWindow(Duration.ofDays(365), Duration.ofDays(1));
    private final ContentCheck check = new ContentCheck(LIMITS);
    private final ReflectionContentCheck reference = new ReflectionContentCheck(LIMITS);

    /** The verdict, after making sure the reference walk gives the very same one. */
    private Optional<Validation.Rejected> verdict(MessageOrBuilder message) {
        Optional<Validation.Rejected> verdict = check.check(message);
        assertThat(verdict).isEqualTo(reference.check(message));
        return verdict;
    }

    private void assertRejected(MessageOrBuilder message, RejectReason reason, String detail) {
        assertThat(verdict(message)).contains(new Validation.Rejected(reason, detail));
    }

    private static UplinkEnvelope smartService(UnaryOperator<VehicleState.Builder> change) {
        UplinkEnvelope e = Uplinks.smartService(VIN, 3, 7, Uplinks.wornState(40_000));
        return e.toBuilder().setSmartService(e.getSmartService().toBuilder()
                .setState(change.apply(e.getSmartService().getState().toBuilder()))).build();
    }

    private static UplinkEnvelope breakdown(UnaryOperator<BreakdownReport.Builder> change) {
        UplinkEnvelope e = Uplinks.breakdown(VIN, 3, 7, "call-1", null, true, false, 48.7758, 9.1829, "P0301 misfire");
        return e.toBuilder().setBreakdown(change.apply(e.getBreakdown().toBuilder())).build();
    }

    @Test
    void check_whenStringTooLongInNestedMessage_rejectsStringTooLong() {
        assertRejected(smartService(s -> s.addDtc("P".repeat(65))), RejectReason.STRING_TOO_LONG,
                "pcm.v1.VehicleState.dtc: 65 characters, at most 64 allowed");
        UplinkEnvelope query = envelope(b -> b.setSoftwareUpdateQuery(SoftwareUpdateQuery.newBuilder().setQueryId("q")
                .addInstalled(component("ecu-1", "1.0")).addInstalled(component("ecu-2", "v".repeat(70)))));
        assertRejected(query, RejectReason.STRING_TOO_LONG,
                "pcm.v1.SoftwareComponent.version: 70 characters, at most 64 allowed");
    }

    @Test
    void check_whenStringHasNulCharacter_rejectsNulCharacter() {
        UplinkEnvelope e = Uplinks.smartService(VIN, 3, 7, Uplinks.healthyState(1000));
        e = e.toBuilder().setSmartService(e.getSmartService().toBuilder().setModelCode("99\u00002")).build();

        assertRejected(e, RejectReason.NUL_CHARACTER,
                "pcm.v1.SmartServiceReport.model_code: contains U+0000, which PostgreSQL text cannot hold");
    }

    @Test
    void check_whenRepeatedFieldTooLong_rejectsListTooLong() {
        assertRejected(breakdown(b -> {
            for (int i = 0; i < 101; i++) {
                b.addRecentTrack(TrackPoint.newBuilder().setLatitude(48).setLongitude(9).setTimeMs(i));
            }
            return b;
        }), RejectReason.LIST_TOO_LONG, "pcm.v1.BreakdownReport.recent_track: 103 elements, at most 100 allowed");
        DriverSettings.Builder settings = DriverSettings.newBuilder();
        for (int i = 0; i < 100; i++) {
            settings.addDisabledServices("s" + i);
        }
        assertThat(verdict(envelope(b -> b.setLogin(Login.newBuilder().setSettings(settings))))).isEmpty();
        settings.addDisabledServices("one-too-many");
        assertRejected(envelope(b -> b.setLogin(Login.newBuilder().setSettings(settings))), RejectReason.LIST_TOO_LONG,
                "pcm.v1.DriverSettings.disabled_services: 101 elements, at most 100 allowed");
    }

    @Test
    void check_whenDoubleNotFinite_rejectsNumberNotFinite() {
        assertRejected(breakdown(b -> b.setLocation(b.getLocation().toBuilder().setLatitude(Double.NaN))),
                RejectReason.NUMBER_NOT_FINITE, "pcm.v1.Location.latitude: NaN is not a finite number");
        assertRejected(smartService(s -> s.setOdometerKm(Double.NEGATIVE_INFINITY)), RejectReason.NUMBER_NOT_FINITE,
                "pcm.v1.VehicleState.odometer_km: -Infinity is not a finite number");
        assertRejected(smartService(s -> s.setWasherFluidLevelPercent(1e12)), RejectReason.NUMBER_OUT_OF_RANGE,
                "pcm.v1.VehicleState.washer_fluid_level_percent: 1.0E12 is beyond +-1.0E9");
    }

    @Test
    void check_whenIntegerTooLarge_rejectsNumberOutOfRange() {
        assertRejected(smartService(s -> s.setTimeToServiceS(Long.MAX_VALUE)), RejectReason.NUMBER_OUT_OF_RANGE,
                "pcm.v1.VehicleState.time_to_service_s: 9223372036854775807 is beyond +-1000000000000000");
        assertRejected(smartService(s -> s.setTimeToServiceS(Long.MIN_VALUE)), RejectReason.NUMBER_OUT_OF_RANGE,
                "pcm.v1.VehicleState.time_to_service_s: -9223372036854775808 is beyond +-1000000000000000");
        assertThat(verdict(smartService(s -> s.setTimeToServiceS(-1_000_000_000_000_000L)))).isEmpty();
    }

    @Test
    void check_whenUint64Above2To63Minus1_rejectsNumberOutOfRange() {
        UplinkEnvelope e = Uplinks.login(VIN, 1, 1);
        UplinkEnvelope huge = e.toBuilder().setHeader(e.getHeader().toBuilder().setBootId(-1L)).build();

        assertRejected(huge, RejectReason.NUMBER_OUT_OF_RANGE,
                "pcm.v1.Header.boot_id: 18446744073709551615 is beyond 2^63 - 1");
    }

    @Test
    void check_whenUint32AboveTightBound_keepsTheSignedDetail() {
        ContentLimits tight = new ContentLimits(1024, 8, 4, 10, 1000, Duration.ZERO, Duration.ZERO);
        UpdateChunkRequest request = UpdateChunkRequest.newBuilder().setCampaignId("c").setCount(-1).build();

        Optional<Validation.Rejected> verdict = new ContentCheck(tight).check(request);

        assertThat(verdict).isEqualTo(new ReflectionContentCheck(tight).check(request))
                .contains(new Validation.Rejected(RejectReason.NUMBER_OUT_OF_RANGE,
                        "pcm.v1.UpdateChunkRequest.count: -1 is beyond +-1000"));
    }

    @Test
    void check_whenOneElementOfRepeatedDoubleIsBad_rejectsThatElement() {
        FieldDescriptor samples = TestSchemas.PROBE_TYPE.findFieldByName("samples");
        Message probe = DynamicMessage.newBuilder(TestSchemas.PROBE_TYPE).addRepeatedField(samples, 1.5)
                .addRepeatedField(samples, Double.NaN).addRepeatedField(samples, 2e9).build();
        assertRejected(probe, RejectReason.NUMBER_NOT_FINITE, "test.Probe.samples: NaN is not a finite number");
        ListValue list = ListValue.newBuilder().addValues(Value.newBuilder().setNumberValue(3))
                .addValues(Value.newBuilder().setNumberValue(Double.POSITIVE_INFINITY)).build();
        assertRejected(list, RejectReason.NUMBER_NOT_FINITE,
                "google.protobuf.Value.number_value: Infinity is not a finite number");
    }

    @Test
    void check_whenSeveralViolations_reportsTheLowestFieldNumberDepthFirst() {
        // event_id (4) is declared before chapter_id (3): field numbers decide, as in getAllFields()
        UplinkEnvelope manual = envelope(b -> b.setManualEvent(ManualEvent.newBuilder().setEventId("e".repeat(80))
                .setChapterId("c".repeat(70))));
        assertRejected(manual, RejectReason.STRING_TOO_LONG,
                "pcm.v1.ManualEvent.chapter_id: 70 characters, at most 64 allowed");
        // the state (field 3 of the report) is walked before the model code (field 4) is read
        UplinkEnvelope both = smartService(s -> s.setOdometerKm(Double.NaN));
        both = both.toBuilder().setSmartService(both.getSmartService().toBuilder().setModelCode("m".repeat(65)))
                .build();
        assertRejected(both, RejectReason.NUMBER_NOT_FINITE,
                "pcm.v1.VehicleState.odometer_km: NaN is not a finite number");
        // the header (field 1 of the envelope) comes before the body
        UplinkEnvelope first = both.toBuilder().setHeader(both.getHeader().toBuilder().setSequence(Long.MIN_VALUE))
                .build();
        assertRejected(first, RejectReason.NUMBER_OUT_OF_RANGE,
                "pcm.v1.Header.sequence: 9223372036854775808 is beyond 2^63 - 1");
    }

    @Test
    void check_whenRealisticEnvelopeOfEachBody_passes() {
        List<UplinkEnvelope> valid = List.of(
                Uplinks.login(VIN, 1, 1),
                Uplinks.smartService(VIN, 1, 2, Uplinks.healthyState(12_000)),
                Uplinks.smartService(VIN, 1, 3, Uplinks.wornState(90_000)),
                Uplinks.breakdown(VIN, 1, 4),
                Uplinks.breakdown(VIN, 1, 5, "call-5", "pull-5", true, true, 48.7758, 9.1829,
                        "P0301 cylinder 1 misfire"),
                Uplinks.manual(VIN, 1, 6),
                envelope(b -> b.setSoftwareUpdateQuery(SoftwareUpdateQuery.newBuilder().setQueryId("q-7")
                        .addInstalled(component("infotainment", "4.2.1")).setModelCode("992"))),
                envelope(b -> b.setSoftwareUpdateStatus(SoftwareUpdateStatus.newBuilder().setCampaignId("camp-1")
                        .setState(SoftwareUpdateStatus.State.INSTALLED).setProgressPercent(100)
                        .addInstalled(component("infotainment", "4.3.0")))),
                envelope(b -> b.setCollectionConfigApplied(CollectionConfigApplied.newBuilder().setConfigId("cfg-3"))),
                envelope(b -> b.setMapEntitlementRequest(MapEntitlementRequest.newBuilder().setRequestId("map-1"))),
                envelope(b -> b.setManualProfileRequest(ManualProfileRequest.newBuilder().setRequestId("p-1")
                        .setUserId("u-42").setName("Erika Mustermann"))),
                envelope(b -> b.setAppointmentRequest(AppointmentRequest.newBuilder().setRequestId("a-1")
                        .setDealerId("dealer-7").setPreferredDate("2026-12-03").setNavigate(true))),
                envelope(b -> b.setUpdateChunkRequest(UpdateChunkRequest.newBuilder().setCampaignId("camp-1")
                        .setFromIndex(12).setCount(8))));

        for (UplinkEnvelope e : valid) {
            assertThat(verdict(e)).as(e.getBodyCase().name()).isEmpty();
            assertThat(verdict(e.toBuilder())).as("builder of " + e.getBodyCase()).isEmpty();
            assertThat(verdict(TestSchemas.dynamicCopy(e))).as("dynamic copy of " + e.getBodyCase()).isEmpty();
        }
    }

    private static UplinkEnvelope envelope(UnaryOperator<UplinkEnvelope.Builder> body) {
        return body.apply(UplinkEnvelope.newBuilder().setHeader(Uplinks.header(VIN, 2, 9))).build();
    }

    private static SoftwareComponent component(String name, String version) {
        return SoftwareComponent.newBuilder().setComponent(name).setVersion(version).build();
    }
}
