package io.pcmsim.vehicle.internal.manual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.proto.v1.ManualEvent;
import io.pcmsim.proto.v1.ManualLinks;
import io.pcmsim.proto.v1.ManualProfileResult;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Vin;
import io.pcmsim.vehicle.internal.service.ServiceChannel;
import io.pcmsim.vehicle.manual.ManualUse;
import io.pcmsim.vehicle.manual.ProfileOutcome;
import io.pcmsim.vehicle.model.Fault;
import io.pcmsim.vehicle.model.VehicleModel;
import io.pcmsim.vehicle.model.VehicleProfile;
import io.pcmsim.vehicle.model.VehicleProfiles;
import io.pcmsim.vehicle.privacy.DriverSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ManualServiceTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    /** Records what the service sends; the gate is a flag. */
    private static final class RecordingChannel implements ServiceChannel {
        final List<UplinkEnvelope> sent = new ArrayList<>();
        boolean allowed = true;

        @Override
        public Service service() {
            return Service.MANUAL;
        }

        @Override
        public CompletableFuture<Void> send(UplinkEnvelope body, Instant producedAt) {
            if (allowed) {
                sent.add(body);
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean allowed() {
            return allowed;
        }

        @Override
        public boolean online() {
            return true;
        }

        @Override
        public DriverSettings settings() {
            return DriverSettings.defaults();
        }
    }

    private final RecordingChannel channel = new RecordingChannel();
    private final VehicleProfile profile = VehicleProfiles.generate(Vin.of("WP0ZZZ99ZKS123456"), 7, T0);
    private final VehicleModel model = new VehicleModel(profile);

    private ManualService service(ManualUse use) {
        return new ManualService(channel, profile.vin(), model, use);
    }

    private List<ManualEvent> events(ManualEvent.Kind kind) {
        return channel.sent.stream().filter(UplinkEnvelope::hasManualEvent).map(UplinkEnvelope::getManualEvent)
                .filter(e -> e.getKind() == kind).toList();
    }

    @Test
    void tick_aWarningThatLightsUp_isShownOnce_whileItStaysLit() {
        ManualService service = service(ManualUse.none());
        model.advanceTo(T0);
        service.tick(T0);
        int before = events(ManualEvent.Kind.MESSAGE_SHOWN).size();

        model.inject(Fault.WEAK_12V_BATTERY, T0);
        model.advanceTo(T0.plus(Duration.ofMinutes(10)));
        service.tick(T0.plus(Duration.ofMinutes(10)));
        model.advanceTo(T0.plus(Duration.ofMinutes(20)));
        service.tick(T0.plus(Duration.ofMinutes(20)));

        assertThat(events(ManualEvent.Kind.MESSAGE_SHOWN)).hasSize(before + 1).last().satisfies(e -> {
            assertThat(e.getMessageCode()).isEqualTo("W-12V-BATTERY");
            assertThat(e.getEventId()).isNotBlank();
        });
    }

    @Test
    void linksArrive_theFutureCompletes_andTheDriversPolicyOpensAndKeepsTheFirstChapter() {
        ManualService service = service(new ManualUse(1, 1));
        CompletableFuture<Optional<io.pcmsim.vehicle.manual.ManualLinks>> answer = service.showMessage("w-oil-level", T0);
        String eventId = events(ManualEvent.Kind.MESSAGE_SHOWN).get(0).getEventId();

        service.downlink(DownlinkEnvelope.newBuilder().setManualLinks(ManualLinks.newBuilder().setEventId(eventId)
                .setMessageCode("W-OIL-LEVEL").addLinks(ManualLinks.Link.newBuilder().setChapterId("oil-level")
                        .setTitle("Oil").setUrl("https://manual.example.com/oil"))).build(), T0);

        assertThat(answer).isCompletedWithValueMatching(l -> l.orElseThrow().links().get(0).chapterId().equals("oil-level"));
        assertThat(events(ManualEvent.Kind.CHAPTER_VISITED)).singleElement().satisfies(e -> {
            assertThat(e.getChapterId()).isEqualTo("oil-level");
            assertThat(e.getMessageCode()).isEqualTo("W-OIL-LEVEL");
        });
        assertThat(events(ManualEvent.Kind.FAVOURITE_ADDED)).singleElement()
                .satisfies(e -> assertThat(e.getChapterId()).isEqualTo("oil-level"));
        assertThat(service.received()).hasSize(1);
        assertThat(service.favourites()).containsExactly("oil-level");
    }

    @Test
    void heldBackBySettings_nothingSent_answerEmptyAtOnce() {
        ManualService service = service(ManualUse.none());
        channel.allowed = false;

        assertThat(service.showMessage("W-ABS", T0)).isCompletedWithValue(Optional.empty());
        assertThat(service.requestProfile("Anna Bauer", "u-1", T0)).isCompletedWithValue(Optional.empty());
        assertThat(channel.sent).isEmpty();
    }

    @Test
    void profile_theAnswerCompletesTheRequest_badInputIsRefusedNamingIt() {
        ManualService service = service(ManualUse.none());
        CompletableFuture<Optional<ProfileOutcome>> answer = service.requestProfile(" Anna Bauer ", "u-1", T0);
        String requestId = channel.sent.get(0).getManualProfileRequest().getRequestId();
        assertThat(channel.sent.get(0).getManualProfileRequest().getName()).isEqualTo("Anna Bauer");

        service.downlink(DownlinkEnvelope.newBuilder().setManualProfileResult(ManualProfileResult.newBuilder()
                .setRequestId(requestId).setResult(ManualProfileResult.Result.NO_MATCH)).build(), T0);

        assertThat(answer).isCompletedWithValue(Optional.of(ProfileOutcome.NO_MATCH));
        assertThatThrownBy(() -> service.requestProfile("", "u-1", T0)).hasMessageContaining("name");
        assertThatThrownBy(() -> service.showMessage("W ABS", T0)).hasMessageContaining("[W ABS]");
        assertThatThrownBy(() -> service.openChapter("Oil_Level", T0)).hasMessageContaining("[Oil_Level]");
        assertThatThrownBy(() -> service.downlink(DownlinkEnvelope.newBuilder().setManualProfileResult(
                ManualProfileResult.newBuilder().setRequestId("x")).build(), T0)).hasMessageContaining("RESULT_UNSPECIFIED");
    }
}
