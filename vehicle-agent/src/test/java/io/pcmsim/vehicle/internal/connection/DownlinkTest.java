package io.pcmsim.vehicle.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pcmsim.proto.v1.CollectionConfig;
import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.proto.v1.RebirthRequest;
import io.pcmsim.protocol.DownlinkCodec;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Vin;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DownlinkTest {

    private static final Vin VIN = Vin.of("WP0ZZZ99ZKS123456");
    private static final String SESSION = "pcm/v1/vehicles/" + VIN + "/down/session";

    private static byte[] rebirth(String vin) {
        return DownlinkEnvelope.newBuilder()
                .setHeader(DownlinkCodec.header(Vin.of(vin), "m-1", Instant.EPOCH))
                .setRebirthRequest(RebirthRequest.newBuilder().setReason("gap")).build().toByteArray();
    }

    @Test
    void parse_rebirthOnSessionLevel_isForTheSession() {
        Downlink downlink = Downlink.parse(VIN, SESSION, rebirth(VIN.value()));

        assertThat(downlink.service()).isEqualTo(Service.LOGIN);
        assertThat(downlink.envelope().getRebirthRequest().getReason()).isEqualTo("gap");
    }

    @Test
    void parse_garbagePayload_isRefusedNamingTheTopic() {
        assertThatThrownBy(() -> Downlink.parse(VIN, SESSION, new byte[] {(byte) 0xff, 0x01, 0x02}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(SESSION);
    }

    @Test
    void parse_bodyOnAnotherServicesLevel_isRefused() {
        byte[] config = DownlinkEnvelope.newBuilder().setHeader(DownlinkCodec.header(VIN, "m", Instant.EPOCH))
                .setCollectionConfig(CollectionConfig.newBuilder().setConfigId("c")).build().toByteArray();

        assertThatThrownBy(() -> Downlink.parse(VIN, SESSION, config))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("down/smart-service");
    }

    @Test
    void parse_unknownLevelOtherVinOrNoBody_isRefused() {
        assertThatThrownBy(() -> Downlink.parse(VIN, "pcm/v1/vehicles/" + VIN + "/down/radio", rebirth(VIN.value())))
                .hasMessageContaining("[radio]");
        assertThatThrownBy(() -> Downlink.parse(VIN, SESSION, rebirth("WP0ZZZ99ZKS654321")))
                .hasMessageContaining("WP0ZZZ99ZKS654321");
        assertThatThrownBy(() -> Downlink.parse(VIN, "pcm/v1/vehicles/WP0ZZZ99ZKS654321/down/session",
                rebirth(VIN.value()))).hasMessageContaining("not a downlink topic of " + VIN);
        assertThatThrownBy(() -> Downlink.parse(VIN, SESSION, new byte[0])).hasMessageContaining("no body");
    }
}
