package io.pcmsim.tools.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pcmsim.backend.testing.Uplinks;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Vin;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Lines of {@code tap} and {@code recording to-json}: decoded messages, and undecodable ones said clearly. */
class TrafficFormatTest {

    private static final Vin VIN = Vin.of("WP0ZZZ99ZKS123456");
    private static final Instant TIME = Instant.parse("2027-03-01T06:00:00.123456Z");
    private static final String UP = "pcm/v1/vehicles/" + VIN + "/up/login";

    private static TrafficMessage message(String topic, byte[] payload) {
        return new TrafficMessage(TrafficMessage.micros(TIME), topic, 1, false, payload);
    }

    @Test
    void text_login_showsTimeVinDirectionServiceAndTheDecodedMessage() {
        UplinkEnvelope login = Uplinks.login(VIN, 42, 1);

        TrafficFormat.Line line = TrafficFormat.text(message(UP, login.toByteArray()));

        assertThat(line.malformed()).isFalse();
        assertThat(line.text()).startsWith("2027-03-01T06:00:00.123456Z WP0ZZZ99ZKS123456 up login {header {")
                .contains("vin: \"WP0ZZZ99ZKS123456\"").contains("boot_id: 42").contains("sequence: 1")
                .doesNotContain("\n");
    }

    @Test
    void text_malformedPayload_saysSoWithAHexPreview() {
        byte[] garbage = {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01};

        TrafficFormat.Line line = TrafficFormat.text(message(UP, garbage));

        assertThat(line.malformed()).isTrue();
        assertThat(line.text()).startsWith("2027-03-01T06:00:00.123456Z WP0ZZZ99ZKS123456 up login MALFORMED")
                .contains("cannot decode 4 bytes as pcm.v1.UplinkEnvelope").endsWith("payload (4 bytes): ff ff ff 01");
    }

    @Test
    void text_longMalformedPayload_showsOnlyTheFirstBytes() {
        byte[] garbage = new byte[100];
        java.util.Arrays.fill(garbage, (byte) 0xff);

        assertThat(TrafficFormat.text(message(UP, garbage)).text())
                .endsWith("payload (100 bytes): " + "ff ".repeat(31) + "ff ...");
    }

    @Test
    void json_login_hasTheFieldsTheDecodedMessageAndTheRawBytes() throws Exception {
        byte[] payload = Uplinks.login(VIN, 42, 1).toByteArray();

        TrafficFormat.Line line = TrafficFormat.json(message(UP, payload));
        JsonNode json = new ObjectMapper().readTree(line.text());

        assertThat(line.malformed()).isFalse();
        assertThat(json.get("time").asText()).isEqualTo("2027-03-01T06:00:00.123456Z");
        assertThat(json.get("topic").asText()).isEqualTo(UP);
        assertThat(json.get("direction").asText()).isEqualTo("up");
        assertThat(json.get("vin").asText()).isEqualTo(VIN.value());
        assertThat(json.get("service").asText()).isEqualTo("login");
        assertThat(json.get("qos").asInt()).isEqualTo(1);
        assertThat(json.get("retain").asBoolean()).isFalse();
        assertThat(json.at("/message/header/boot_id").asLong()).isEqualTo(42);
        assertThat(json.at("/message/header/vin").asText()).isEqualTo(VIN.value());
        assertThat(Base64.getDecoder().decode(json.get("payloadBase64").asText())).isEqualTo(payload);
    }

    @Test
    void json_malformedPayload_hasAnErrorAndTheRawBytes() throws Exception {
        TrafficFormat.Line line = TrafficFormat.json(message(UP, new byte[] {(byte) 0xff}));
        JsonNode json = new ObjectMapper().readTree(line.text());

        assertThat(line.malformed()).isTrue();
        assertThat(json.has("message")).isFalse();
        assertThat(json.get("error").asText()).contains("pcm.v1.UplinkEnvelope");
        assertThat(json.get("payloadBase64").asText()).isEqualTo("/w==");
    }

    @Test
    void topicKind_ofEachTopic_namesDirectionCarAndLevel() {
        assertThat(TopicKind.of(UP).label()).isEqualTo("up/login");
        assertThat(TopicKind.of("pcm/v1/vehicles/" + VIN + "/down/session").label()).isEqualTo("down/session");
        assertThat(TopicKind.of("pcm/v1/vehicles/" + VIN + "/status"))
                .isEqualTo(new TopicKind(TopicKind.Direction.STATUS, VIN.value(), null, "status"));
        assertThat(TopicKind.of("maps/v1/abc/query"))
                .isEqualTo(new TopicKind(TopicKind.Direction.MAP_UP, null, "abc", "query"));
        assertThat(TopicKind.of("maps/v1/abc/package").label()).isEqualTo("map-down/package");
        assertThat(TopicKind.of("pcm/v1/vehicles/a/b/status").direction()).isEqualTo(TopicKind.Direction.OTHER);
        assertThat(TopicKind.of("something/else").label()).isEqualTo("other");
    }

    @Test
    void text_unknownTopic_isAMalformedLineNotAFailure() {
        TrafficFormat.Line line = TrafficFormat.text(message("something/else", new byte[] {1}));

        assertThat(line.malformed()).isTrue();
        assertThat(line.text()).contains("something/else other MALFORMED");
    }
}
