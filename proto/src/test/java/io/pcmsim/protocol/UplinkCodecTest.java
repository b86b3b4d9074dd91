package io.pcmsim.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pcmsim.proto.v1.SmartServiceReport;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.proto.v1.VehicleState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class UplinkCodecTest {

    private static final VehicleSnapshot SNAPSHOT = new VehicleSnapshot(
            48_211.5, 1_203.25, 12.5, new Wheels(81, 79.5, 40, 41), 12.31,
            new Wheels(248, 251, 212, 250), 250, 1_320, Duration.ofDays(-3), List.of("P0301"));

    @Test
    void reportedState_ofAFullSnapshot_hasEveryReading() {
        assertThat(UplinkCodec.reportedState(UplinkCodec.state(SNAPSHOT))).isEqualTo(ReportedState.of(SNAPSHOT));
    }

    private static final MoreReadings ELECTRIC = new MoreReadings(OptionalDouble.empty(), OptionalDouble.of(400),
            OptionalDouble.of(88), OptionalDouble.of(91), OptionalDouble.of(64.5), OptionalDouble.of(97),
            OptionalDouble.of(40), List.of("W-TYRE-PRESSURE", "W-HV-BATTERY"));
    private static final VehicleSnapshot BATTERY_ELECTRIC = new VehicleSnapshot(12_000, 300, OptionalDouble.empty(),
            Wheels.all(10), 12.6, Wheels.all(230), 250, 20_000, Duration.ofDays(300), List.of("P0A80"), ELECTRIC);

    @Test
    void state_withoutOilReadings_leavesThemUnsetAndCarriesTheRest() {
        VehicleState wire = UplinkCodec.state(BATTERY_ELECTRIC);

        assertThat(wire.hasEngineOilLifePercent()).isFalse();
        assertThat(wire.hasEngineOilLevelPercent()).isFalse();
        assertThat(wire.getHighVoltageBatteryStateOfChargePercent()).isEqualTo(64.5);
        assertThat(wire.getWarningsList()).containsExactly("W-TYRE-PRESSURE", "W-HV-BATTERY");
        assertThat(UplinkCodec.reportedState(wire)).isEqualTo(ReportedState.of(BATTERY_ELECTRIC));
        assertThat(UplinkCodec.reportedState(wire).more()).isEqualTo(ELECTRIC);
    }

    @Test
    void reportedState_whenReadingsUnset_absentNotZero() {
        VehicleState partial = VehicleState.newBuilder().setOdometerKm(100).setTirePressureFrontLeftKpa(240).build();

        ReportedState state = UplinkCodec.reportedState(partial);

        assertThat(state.odometerKm()).hasValue(100);
        assertThat(state.engineOilLifePercent()).isEmpty();
        assertThat(state.distanceToServiceKm()).isEmpty();
        assertThat(state.timeToService()).isEmpty();
        assertThat(state.tirePressureKpa().frontLeft()).hasValue(240);
        assertThat(state.tirePressureKpa().rearRight()).isEmpty();
        assertThat(state.brakePadWearPercent().isEmpty()).isTrue();
        assertThat(state.more()).isEqualTo(MoreReadings.NONE);
    }

    @Test
    void header_roundTripsAndCarriesSchemaVersion() {
        UplinkHeader header = new UplinkHeader(Vin.of("WP0ZZZ99ZTS392124"), 1_700_000_000_123L, 42,
                Instant.parse("2027-03-01T10:15:30.250Z"));
        var wire = UplinkCodec.header(header);
        assertThat(wire.getSchemaVersion()).isEqualTo(UplinkCodec.SCHEMA_VERSION);
        assertThat(UplinkCodec.header(wire)).isEqualTo(header);
    }

    @Test
    void parse_whenEnvelopeBytes_decodesBody() {
        byte[] bytes = UplinkEnvelope.newBuilder()
                .setHeader(UplinkCodec.header(new UplinkHeader(Vin.of("WP0ZZZ99ZTS392124"), 1, 1, Instant.EPOCH)))
                .setSmartService(SmartServiceReport.newBuilder()
                        .setTrigger(SmartServiceReport.Trigger.THRESHOLD)
                        .addCrossedThresholds("engine-oil-life<15")
                        .setState(UplinkCodec.state(SNAPSHOT)))
                .build().toByteArray();
        UplinkEnvelope parsed = UplinkCodec.parse(bytes);
        assertThat(parsed.getBodyCase()).isEqualTo(UplinkEnvelope.BodyCase.SMART_SERVICE);
        assertThat(UplinkCodec.reportedState(parsed.getSmartService().getState())).isEqualTo(ReportedState.of(SNAPSHOT));
    }

    @Test
    void parse_whenGarbage_throwsMalformedPayloadNamingSize() {
        assertThatThrownBy(() -> UplinkCodec.parse(new byte[] {(byte) 0xff, 0x01, 0x02}))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageStartingWith("payload of 3 bytes is not a pcm.v1.UplinkEnvelope");
    }

    @Test
    void header_whenVinInvalid_throwsInvalidVin() {
        var wire = io.pcmsim.proto.v1.Header.newBuilder().setVin("NOT-A-VIN").build();
        assertThatThrownBy(() -> UplinkCodec.header(wire)).isInstanceOf(InvalidVinException.class);
    }
}
