package io.pcmsim.vehicle.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pcmsim.proto.v1.Login;
import io.pcmsim.proto.v1.SmartServiceReport;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.UplinkCodec;
import io.pcmsim.protocol.UplinkHeader;
import io.pcmsim.protocol.Vin;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UplinkTest {

    private static final Vin VIN = Vin.of("WP0ZZZ99ZKS123456");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final UplinkEnvelope REPORT = UplinkEnvelope.newBuilder().setSmartService(
            SmartServiceReport.newBuilder().setTrigger(SmartServiceReport.Trigger.PERIODIC).setModelCode("992")
                    .setModelYear(2024)).build();

    @Test
    void payload_isTheEnvelopeWithTheStampedHeaderSet() throws Exception {
        UplinkHeader header = new UplinkHeader(VIN, 7, 42, T0);
        Uplink uplink = Uplink.admitted(Service.SMART_SERVICE, T0, REPORT, 1);

        byte[] payload = uplink.payload(header);

        assertThat(payload).isEqualTo(REPORT.toBuilder().setHeader(UplinkCodec.header(header)).build().toByteArray());
        UplinkEnvelope parsed = UplinkEnvelope.parseFrom(payload);
        assertThat(UplinkCodec.header(parsed.getHeader())).isEqualTo(header);
        assertThat(parsed.getSmartService()).isEqualTo(REPORT.getSmartService());
    }

    @Test
    void admitted_withAHeaderSetAlready_theStampedOneReplacesIt() throws Exception {
        UplinkEnvelope withHeader = REPORT.toBuilder()
                .setHeader(UplinkCodec.header(new UplinkHeader(VIN, 1, 999, T0.minusSeconds(60)))).build();
        UplinkHeader stamped = new UplinkHeader(VIN, 2, 3, T0);

        byte[] payload = Uplink.admitted(Service.SMART_SERVICE, T0, withHeader, 1).payload(stamped);

        assertThat(UplinkCodec.header(UplinkEnvelope.parseFrom(payload).getHeader())).isEqualTo(stamped);
    }

    @Test
    void admitted_bodyOfAnotherService_isRefusedNamingBoth() {
        UplinkEnvelope login = UplinkEnvelope.newBuilder().setLogin(Login.getDefaultInstance()).build();

        assertThatThrownBy(() -> Uplink.admitted(Service.SMART_SERVICE, T0, login, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LOGIN").hasMessageContaining(Service.SMART_SERVICE.topicName());
    }
}
