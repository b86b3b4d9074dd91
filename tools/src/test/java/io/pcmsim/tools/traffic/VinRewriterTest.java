package io.pcmsim.tools.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pcmsim.backend.testing.Uplinks;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.MalformedPayloadException;
import io.pcmsim.protocol.Vin;
import io.pcmsim.vehicle.fleet.VinGenerator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** New VINs for a recording's cars: valid, stable for a seed, never an original, in topics and headers. */
class VinRewriterTest {

    private static final List<Vin> ORIGINALS = new VinGenerator(1).generate(50);
    private static final Set<String> ORIGINAL_TEXTS = Set.copyOf(ORIGINALS.stream().map(Vin::value).toList());

    @Test
    void vinFor_givesValidNewVinsThatAreNoOriginal_evenWithTheFleetsOwnSeed() {
        VinRewriter rewriter = new VinRewriter(1, ORIGINAL_TEXTS);

        List<String> rewritten = ORIGINALS.stream().map(v -> rewriter.vinFor(v.value())).toList();

        assertThat(rewritten).doesNotHaveDuplicates().allSatisfy(v -> {
            assertThat(Vin.isValid(v)).as(v).isTrue();
            assertThat(ORIGINAL_TEXTS).doesNotContain(v);
        });
        assertThat(rewritten).anySatisfy(v -> assertThat(Vin.usesCheckDigit(v)).isTrue());
    }

    @Test
    void vinFor_sameSeedSameOrder_givesTheSameVins_otherSeedOthers() {
        VinRewriter a = new VinRewriter(7, ORIGINAL_TEXTS);
        VinRewriter b = new VinRewriter(7, ORIGINAL_TEXTS);
        VinRewriter c = new VinRewriter(8, ORIGINAL_TEXTS);

        List<String> fromA = ORIGINALS.stream().map(v -> a.vinFor(v.value())).toList();

        assertThat(ORIGINALS.stream().map(v -> b.vinFor(v.value())).toList()).isEqualTo(fromA);
        assertThat(ORIGINALS.stream().map(v -> c.vinFor(v.value())).toList()).isNotEqualTo(fromA);
        assertThat(a.vinFor(ORIGINALS.get(0).value())).isEqualTo(fromA.get(0));
    }

    @Test
    void topicAndPayload_ofAnUplink_carryTheNewVinOnly() throws Exception {
        Vin vin = ORIGINALS.get(3);
        VinRewriter rewriter = new VinRewriter(2, ORIGINAL_TEXTS);
        String topic = "pcm/v1/vehicles/" + vin + "/up/smart-service";
        UplinkEnvelope original = Uplinks.smartService(vin, 5, 9, Uplinks.healthyState(1200));
        TopicKind kind = TopicKind.of(topic);

        String newTopic = rewriter.topic(topic, kind);
        UplinkEnvelope rewritten = UplinkEnvelope.parseFrom(rewriter.payload(kind, original.toByteArray()));

        String newVin = rewriter.vinFor(vin.value());
        assertThat(newTopic).isEqualTo("pcm/v1/vehicles/" + newVin + "/up/smart-service");
        assertThat(rewritten.getHeader().getVin()).isEqualTo(newVin);
        assertThat(rewritten.toBuilder().setHeader(original.getHeader()).build()).isEqualTo(original);
        assertThat(new String(rewritten.toByteArray(), StandardCharsets.ISO_8859_1)).doesNotContain(vin.value());
    }

    @Test
    void payload_thatDoesNotDecode_isRefused() {
        VinRewriter rewriter = new VinRewriter(2, ORIGINAL_TEXTS);
        TopicKind kind = TopicKind.of("pcm/v1/vehicles/" + ORIGINALS.get(0) + "/up/login");

        assertThatThrownBy(() -> rewriter.payload(kind, new byte[] {(byte) 0xff, 0x01}))
                .isInstanceOf(MalformedPayloadException.class);
    }

    @Test
    void payload_namingTheOriginalVinOutsideItsHeader_isRefused() {
        Vin vin = ORIGINALS.get(0);
        VinRewriter rewriter = new VinRewriter(2, ORIGINAL_TEXTS);
        TopicKind kind = TopicKind.of("pcm/v1/vehicles/" + vin + "/up/smart-service");
        UplinkEnvelope leaky = Uplinks.smartService(vin, 5, 9, Uplinks.healthyState(1200));
        leaky = leaky.toBuilder().setSmartService(leaky.getSmartService().toBuilder()
                .setModelCode(vin.value())).build();
        byte[] payload = leaky.toByteArray();

        assertThatThrownBy(() -> rewriter.payload(kind, payload)).isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("original VIN");
    }
}
