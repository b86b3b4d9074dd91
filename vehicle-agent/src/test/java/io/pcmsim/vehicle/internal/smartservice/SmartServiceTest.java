package io.pcmsim.vehicle.internal.smartservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pcmsim.proto.v1.CollectionConfig;
import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.proto.v1.NavigationDestination;
import io.pcmsim.proto.v1.SmartServiceReport.Trigger;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Vin;
import io.pcmsim.vehicle.internal.service.ServiceChannel;
import io.pcmsim.vehicle.model.VehicleModel;
import io.pcmsim.vehicle.model.VehicleProfile;
import io.pcmsim.vehicle.model.VehicleProfiles;
import io.pcmsim.vehicle.privacy.DriverSettings;
import io.pcmsim.vehicle.smartservice.Thresholds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SmartServiceTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    /** Records what the service sends; the gate is a flag. */
    private static final class RecordingChannel implements ServiceChannel {
        final List<UplinkEnvelope> sent = new ArrayList<>();
        boolean allowed = true;

        @Override
        public Service service() {
            return Service.SMART_SERVICE;
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
    private final SmartService service = new SmartService(channel, profile, new VehicleModel(profile),
            Thresholds.defaults(), Duration.ofHours(1), T0.plus(Duration.ofHours(1)));

    private static DownlinkEnvelope config(CollectionConfig.Builder config) {
        return DownlinkEnvelope.newBuilder().setCollectionConfig(config).build();
    }

    @Test
    void sessionStarted_allowed_sendsSnapshotWithModel() {
        service.sessionStarted(T0);

        assertThat(channel.sent).singleElement().satisfies(e -> {
            assertThat(e.getSmartService().getTrigger()).isEqualTo(Trigger.SESSION_START);
            assertThat(e.getSmartService().getModelCode()).isEqualTo(profile.modelLine().modelCode());
            assertThat(e.getSmartService().getModelYear()).isEqualTo(profile.modelYear());
            assertThat(e.getSmartService().hasState()).isTrue();
        });
    }

    @Test
    void sessionStarted_smartServiceOff_sendsNothing() {
        channel.allowed = false;

        service.sessionStarted(T0);

        assertThat(channel.sent).isEmpty();
    }

    @Test
    void collectionConfig_valid_appliesIntervalAndThresholdsAndAcknowledges() {
        service.downlink(config(CollectionConfig.newBuilder().setConfigId("cfg-7").setSmartServiceIntervalS(600)
                .putThresholds("engine-oil-life", 30).putThresholds("time-to-service", 60)), T0);

        assertThat(service.reportInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(service.thresholds().engineOilLifeMinPercent()).isEqualTo(30);
        assertThat(service.thresholds().timeToServiceMin()).isEqualTo(Duration.ofDays(60));
        assertThat(channel.sent).singleElement()
                .satisfies(e -> assertThat(e.getCollectionConfigApplied().getConfigId()).isEqualTo("cfg-7"));

        service.tick(T0.plus(Duration.ofMinutes(10)));
        assertThat(channel.sent).last()
                .satisfies(e -> assertThat(e.getSmartService().getTrigger()).isIn(Trigger.PERIODIC, Trigger.THRESHOLD));
    }

    @Test
    void collectionConfig_unknownOrInvalidThreshold_isRefusedWholeAndNotAcknowledged() {
        assertThatThrownBy(() -> service.downlink(config(CollectionConfig.newBuilder().setConfigId("c")
                .setSmartServiceIntervalS(60).putThresholds("coolant", 3)), T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[coolant]");
        assertThatThrownBy(() -> service.downlink(config(CollectionConfig.newBuilder().setConfigId("c")
                .putThresholds("engine-oil-life", Double.NaN)), T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("engine-oil-life");

        assertThat(service.reportInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(service.thresholds()).isEqualTo(Thresholds.defaults());
        assertThat(channel.sent).isEmpty();
    }

    @Test
    void appointmentRequest_allowed_sendsDealerAndNavigateWithAFreshRequestId() {
        service.requestAppointment("stuttgart-zuffenhausen", true, T0);
        service.requestAppointment(null, false, T0);

        assertThat(channel.sent).hasSize(2);
        assertThat(channel.sent.get(0).getAppointmentRequest().getDealerId()).isEqualTo("stuttgart-zuffenhausen");
        assertThat(channel.sent.get(0).getAppointmentRequest().getNavigate()).isTrue();
        assertThat(channel.sent.get(1).getAppointmentRequest().getDealerId()).as("the preferred dealer").isEmpty();
        assertThat(channel.sent.get(1).getAppointmentRequest().getRequestId())
                .isNotEqualTo(channel.sent.get(0).getAppointmentRequest().getRequestId());
        channel.allowed = false;
        service.requestAppointment(null, true, T0);
        assertThat(channel.sent).as("held back like every Smart Service message").hasSize(2);
    }

    @Test
    void navigationDestination_isKept_unanswered_andABrokenOneIsRefused() {
        NavigationDestination.Builder destination = NavigationDestination.newBuilder().setAppointmentId("a-1")
                .setDealerId("stuttgart-zuffenhausen").setDealerName("Porsche Zentrum").setAddress("x, Stuttgart, DE")
                .setLatitude(48.83).setLongitude(9.15);
        service.downlink(DownlinkEnvelope.newBuilder().setNavigationDestination(destination).build(), T0);

        assertThat(service.navigationDestination()).hasValueSatisfying(d -> {
            assertThat(d.appointmentId()).isEqualTo("a-1");
            assertThat(d.latitude()).isEqualTo(48.83);
            assertThat(d.receivedAt()).isEqualTo(T0);
        });
        assertThat(channel.sent).isEmpty();
        assertThatThrownBy(() -> service.downlink(DownlinkEnvelope.newBuilder().setNavigationDestination(
                destination.setAppointmentId("a-2").setLatitude(91)).build(), T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("91");
        assertThat(service.navigationDestination().orElseThrow().appointmentId()).isEqualTo("a-1");
    }
}
