package io.pcmsim.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcmsim.proto.v1.UplinkEnvelope.BodyCase;
import org.junit.jupiter.api.Test;

class TopicsTest {

    private static final Vin VIN = Vin.of("WP0ZZZ99ZTS392124");

    @Test
    void uplink_roundTripsThroughParse() {
        String topic = Topics.uplink(VIN, Service.SMART_SERVICE);
        assertThat(topic).isEqualTo("pcm/v1/vehicles/WP0ZZZ99ZTS392124/up/smart-service");
        assertThat(Topics.parseUplink(topic)).hasValue(new Topics.UplinkTopic(VIN.value(), "smart-service"));
    }

    @Test
    void parseUplink_whenNotUplinkShape_isEmpty() {
        assertThat(Topics.parseUplink("pcm/v1/vehicles/WP0ZZZ99ZTS392124/status")).isEmpty();
        assertThat(Topics.parseUplink("pcm/v1/vehicles/WP0ZZZ99ZTS392124/down/config")).isEmpty();
        assertThat(Topics.parseUplink("pcm/v1/vehicles//up/login")).isEmpty();
        assertThat(Topics.parseUplink("pcm/v1/vehicles/X/up/login/extra")).isEmpty();
        assertThat(Topics.parseUplink("maps/v1/abc/query")).isEmpty();
    }

    @Test
    void sharedUplinkFilter_prefixesGroup() {
        assertThat(Topics.sharedUplinkFilter("backend")).isEqualTo("$share/backend/pcm/v1/vehicles/+/up/+");
    }

    @Test
    void service_fromTopicName_knowsUplinkServicesOnly() {
        assertThat(Service.fromTopicName("breakdown")).hasValue(Service.BREAKDOWN);
        assertThat(Service.fromTopicName("map")).hasValue(Service.MAP_UPDATE);
        assertThat(Service.fromTopicName("status")).isEmpty();
        assertThat(Service.fromTopicName("session")).isEmpty();
    }

    @Test
    void downlink_usesTheServicesDownlinkLevel_andParsesBack() {
        Vin vin = Vin.of("WP0ZZZ99ZTS392124");
        assertThat(Topics.downlink(vin, Service.LOGIN)).isEqualTo("pcm/v1/vehicles/WP0ZZZ99ZTS392124/down/session");
        assertThat(Topics.parseDownlink(Topics.downlink(vin, Service.SMART_SERVICE)))
                .hasValue(new Topics.DownlinkTopic("WP0ZZZ99ZTS392124", "smart-service"));
        assertThat(Topics.parseDownlink("pcm/v1/vehicles/WP0ZZZ99ZTS392124/up/login")).isEmpty();
        assertThat(Service.fromDownlinkLevel("session")).hasValue(Service.LOGIN);
    }

    @Test
    void service_accepts_matchesBodyToTopic() {
        assertThat(Service.BREAKDOWN.accepts(BodyCase.BREAKDOWN)).isTrue();
        assertThat(Service.SMART_SERVICE.accepts(BodyCase.LOGIN)).isFalse();
        assertThat(Service.LOGIN.accepts(BodyCase.BODY_NOT_SET)).isFalse();
    }
}
