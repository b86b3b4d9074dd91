package io.pcmsim.vehicle.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcmsim.proto.v1.SmartServiceReport;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.ServiceGroup;
import io.pcmsim.protocol.UplinkCodec;
import io.pcmsim.protocol.UplinkHeader;
import io.pcmsim.protocol.Vin;
import io.pcmsim.vehicle.privacy.DriverSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class UplinkChannelTest {

    private static final Vin VIN = Vin.of("WP0ZZZ99ZKS123456");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** Records publishes; acknowledges only when told. */
    private static final class FakeTransport implements Transport {
        final List<UplinkEnvelope> sent = new ArrayList<>();
        final List<String> topics = new ArrayList<>();
        final List<CompletableFuture<Void>> acks = new ArrayList<>();

        @Override
        public CompletableFuture<Void> publish(String topic, byte[] payload, boolean retain) {
            topics.add(topic);
            sent.add(UplinkCodec.parse(payload));
            CompletableFuture<Void> ack = new CompletableFuture<>();
            acks.add(ack);
            return ack;
        }

        void failAll(Throwable error) {
            List.copyOf(acks).forEach(a -> a.completeExceptionally(error));
        }

        void ackAll() {
            acks.forEach(a -> a.complete(null));
        }

        List<Long> sequences() {
            return sent.stream().map(e -> e.getHeader().getSequence()).toList();
        }
    }

    private static final class Counts implements UplinkObserver {
        final Map<Service, Integer> suppressed = new EnumMap<>(Service.class);
        final List<UplinkHeader> headers = new ArrayList<>();
        final List<String> refused = new ArrayList<>();
        int droppedOutboxFull;
        int discarded;

        @Override
        public void refused(Service service, String reason) {
            refused.add(service.topicName() + ":" + reason);
        }

        @Override
        public void suppressed(Service service) {
            suppressed.merge(service, 1, Integer::sum);
        }

        @Override
        public void sent(Service service, String topic, UplinkHeader header) {
            headers.add(header);
        }

        @Override
        public void droppedOutboxFull(Service service) {
            droppedOutboxFull++;
        }

        @Override
        public void discardedBySettings(int count) {
            discarded += count;
        }
    }

    private final Counts counts = new Counts();
    private final FakeTransport transport = new FakeTransport();
    private final UplinkChannel channel = new UplinkChannel(VIN, DriverSettings.defaults(), 5, counts, Runnable::run);

    private static UplinkEnvelope report() {
        return UplinkEnvelope.newBuilder().setSmartService(
                SmartServiceReport.newBuilder().setTrigger(SmartServiceReport.Trigger.PERIODIC)).build();
    }

    private static UplinkEnvelope login() {
        return UplinkEnvelope.newBuilder().setLogin(io.pcmsim.proto.v1.Login.getDefaultInstance()).build();
    }

    private CompletableFuture<Void> submitReport(int minute) {
        return channel.submit(Service.SMART_SERVICE, report(), T0.plusSeconds(60L * minute));
    }

    @Test
    void submit_online_stampsHeaderWithBootSequenceAndVehicleTime() {
        channel.connected(transport, 77);

        channel.submit(Service.LOGIN, login(), T0);
        submitReport(1);

        assertThat(transport.topics).containsExactly("pcm/v1/vehicles/" + VIN + "/up/login",
                "pcm/v1/vehicles/" + VIN + "/up/smart-service");
        UplinkHeader second = UplinkCodec.header(transport.sent.get(1).getHeader());
        assertThat(second).isEqualTo(new UplinkHeader(VIN, 77, 2, T0.plusSeconds(60)));
        assertThat(transport.sent.get(1).getHeader().getSchemaVersion()).isEqualTo(UplinkCodec.SCHEMA_VERSION);
    }

    @Test
    void submit_windowFull_waitsInOrderAndLeavesAsAcknowledgementsComeBack() {
        UplinkChannel roomy = new UplinkChannel(VIN, DriverSettings.defaults(), 100, counts, Runnable::run);
        roomy.connected(transport, 1);

        for (int minute = 0; minute < UplinkChannel.MAX_IN_FLIGHT + 5; minute++) {
            roomy.submit(Service.SMART_SERVICE, report(), T0.plusSeconds(60L * minute));
        }
        assertThat(transport.sent).hasSize(UplinkChannel.MAX_IN_FLIGHT);
        assertThat(roomy.outboxSize()).isEqualTo(5);

        transport.acks.get(0).complete(null);
        transport.acks.get(1).complete(null);

        assertThat(transport.sent).hasSize(UplinkChannel.MAX_IN_FLIGHT + 2);
        assertThat(roomy.outboxSize()).isEqualTo(3);
        assertThat(transport.sequences()).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void submit_windowFull_loginStillLeavesAtOnce() {
        UplinkChannel roomy = new UplinkChannel(VIN, DriverSettings.defaults(), 100, counts, Runnable::run);
        roomy.connected(transport, 1);
        for (int minute = 0; minute < UplinkChannel.MAX_IN_FLIGHT + 1; minute++) {
            roomy.submit(Service.SMART_SERVICE, report(), T0.plusSeconds(60L * minute));
        }

        roomy.submit(Service.LOGIN, login(), T0.plusSeconds(3600));

        assertThat(transport.topics.get(transport.topics.size() - 1)).endsWith("/up/login");
        assertThat(roomy.outboxSize()).isEqualTo(1);
    }

    @Test
    void submit_windowFullAndOutboxFull_dropsOldestWaitingAndCountsIt() {
        channel.connected(transport, 1);

        for (int minute = 0; minute < UplinkChannel.MAX_IN_FLIGHT + 5 + 2; minute++) {
            submitReport(minute);
        }

        assertThat(transport.sent).hasSize(UplinkChannel.MAX_IN_FLIGHT);
        assertThat(channel.outboxSize()).isEqualTo(5);
        assertThat(counts.droppedOutboxFull).isEqualTo(2);
    }

    @Test
    void privacyMode_whenEnabled_publishesNothingAndCountsSuppressed() {
        channel.connected(transport, 1);
        channel.apply(DriverSettings.defaults().withPrivacyMode(true));

        channel.submit(Service.LOGIN, login(), T0);
        submitReport(1);
        channel.submit(Service.BREAKDOWN, UplinkEnvelope.newBuilder()
                .setBreakdown(io.pcmsim.proto.v1.BreakdownReport.getDefaultInstance()).build(), T0);

        assertThat(transport.sent).isEmpty();
        assertThat(counts.suppressed).containsEntry(Service.LOGIN, 1).containsEntry(Service.SMART_SERVICE, 1)
                .containsEntry(Service.BREAKDOWN, 1);
    }

    @Test
    void groupWithoutLocation_whenOff_blocksSmartServiceButNotLoginOrBreakdown() {
        channel.connected(transport, 1);
        channel.apply(DriverSettings.defaults().withServiceGroup(ServiceGroup.WITHOUT_LOCATION, false));

        channel.submit(Service.LOGIN, login(), T0);
        submitReport(1);
        channel.submit(Service.BREAKDOWN, UplinkEnvelope.newBuilder()
                .setBreakdown(io.pcmsim.proto.v1.BreakdownReport.getDefaultInstance()).build(), T0);

        assertThat(transport.topics).containsExactly("pcm/v1/vehicles/" + VIN + "/up/login",
                "pcm/v1/vehicles/" + VIN + "/up/breakdown");
        assertThat(counts.suppressed).containsOnlyKeys(Service.SMART_SERVICE);
    }

    @Test
    void serviceToggle_whenSmartServiceOff_blocksOnlySmartService() {
        channel.connected(transport, 1);
        channel.apply(DriverSettings.defaults().withService(Service.SMART_SERVICE, false));

        channel.submit(Service.LOGIN, login(), T0);
        submitReport(1);

        assertThat(transport.topics).containsExactly("pcm/v1/vehicles/" + VIN + "/up/login");
    }

    @Test
    void totalShutdown_whenOn_blocksEverything() {
        channel.connected(transport, 1);
        channel.apply(DriverSettings.defaults().withTotalShutdown(true));

        channel.submit(Service.LOGIN, login(), T0);
        submitReport(1);

        assertThat(transport.sent).isEmpty();
    }

    @Test
    void privacyMode_offAgain_sendsNothingProducedMeanwhile() {
        channel.connected(transport, 1);
        channel.apply(DriverSettings.defaults().withPrivacyMode(true));
        submitReport(1);
        submitReport(2);

        channel.apply(DriverSettings.defaults());
        submitReport(3);

        assertThat(transport.sent).hasSize(1);
        assertThat(transport.sent.get(0).getHeader().getVehicleTimeMs()).isEqualTo(T0.plusSeconds(180).toEpochMilli());
    }

    @Test
    void sequence_withSuppressedMessagesBetween_hasNoGaps() {
        channel.connected(transport, 1);
        submitReport(1);
        channel.apply(DriverSettings.defaults().withPrivacyMode(true));
        submitReport(2);
        submitReport(3);
        channel.apply(DriverSettings.defaults());
        submitReport(4);
        submitReport(5);

        assertThat(transport.sequences()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void outbox_offlineThenConnected_drainsInOrderUnderNewBoot() {
        submitReport(1);
        submitReport(2);
        assertThat(transport.sent).isEmpty();

        channel.connected(transport, 9);
        channel.submit(Service.LOGIN, login(), T0.plusSeconds(600));
        channel.drainOutbox();

        assertThat(transport.sequences()).containsExactly(1L, 2L, 3L);
        assertThat(transport.sent.get(0).hasLogin()).isTrue();
        assertThat(transport.sent.get(1).getHeader().getVehicleTimeMs()).isEqualTo(T0.plusSeconds(60).toEpochMilli());
        assertThat(transport.sent).allSatisfy(e -> assertThat(e.getHeader().getBootId()).isEqualTo(9));
    }

    @Test
    void outbox_whenFull_dropsOldestAndCounts() {
        for (int i = 1; i <= 7; i++) {
            submitReport(i);
        }
        channel.connected(transport, 1);
        channel.drainOutbox();

        assertThat(counts.droppedOutboxFull).isEqualTo(2);
        assertThat(transport.sent).extracting(e -> e.getHeader().getVehicleTimeMs())
                .containsExactly(T0.plusSeconds(180).toEpochMilli(), T0.plusSeconds(240).toEpochMilli(),
                        T0.plusSeconds(300).toEpochMilli(), T0.plusSeconds(360).toEpochMilli(),
                        T0.plusSeconds(420).toEpochMilli());
    }

    @Test
    void privacyMode_whenEnabledWhileOffline_discardsBufferedMessages() {
        submitReport(1);
        submitReport(2);

        channel.apply(DriverSettings.defaults().withPrivacyMode(true));
        channel.apply(DriverSettings.defaults());
        channel.connected(transport, 1);
        channel.drainOutbox();

        assertThat(transport.sent).isEmpty();
        assertThat(counts.discarded).isEqualTo(2);
    }

    @Test
    void serviceOff_whileOffline_discardsOnlyThatServicesBufferedMessages() {
        submitReport(1);
        channel.submit(Service.BREAKDOWN, UplinkEnvelope.newBuilder()
                .setBreakdown(io.pcmsim.proto.v1.BreakdownReport.getDefaultInstance()).build(), T0);

        channel.apply(DriverSettings.defaults().withService(Service.SMART_SERVICE, false));
        channel.connected(transport, 1);
        channel.drainOutbox();

        assertThat(transport.topics).containsExactly("pcm/v1/vehicles/" + VIN + "/up/breakdown");
        assertThat(counts.discarded).isEqualTo(1);
    }

    @Test
    void settled_afterPrivacyOn_completesOnlyWhenEarlierPublishesAcknowledged() {
        channel.connected(transport, 1);
        submitReport(1);
        submitReport(2);

        channel.apply(DriverSettings.defaults().withPrivacyMode(true));
        CompletableFuture<Void> settled = channel.settled();

        assertThat(settled).isNotDone();
        transport.acks.get(0).complete(null);
        assertThat(settled).isNotDone();
        transport.acks.get(1).completeExceptionally(new IllegalStateException("connection lost"));
        assertThat(settled).isCompleted();
    }

    @Test
    void settled_nothingInFlight_isComplete() {
        channel.connected(transport, 1);
        submitReport(1);
        transport.ackAll();

        assertThat(channel.settled()).isCompleted();
    }

    @Test
    void connected_newBoot_restartsSequenceAtOne() {
        channel.connected(transport, 1);
        submitReport(1);
        submitReport(2);
        channel.disconnected();
        channel.connected(transport, 2);
        channel.submit(Service.LOGIN, login(), T0);

        assertThat(transport.sequences()).containsExactly(1L, 2L, 1L);
        assertThat(counts.headers).extracting(UplinkHeader::bootId).containsExactly(1L, 1L, 2L);
    }

    @Test
    void publish_whenLostWithConnection_isSentAgainAfterReconnectWithItsHeader() {
        channel.connected(transport, 10);
        channel.submit(Service.LOGIN, login(), T0);
        submitReport(1);
        channel.disconnected();
        transport.failAll(new java.util.concurrent.CompletionException(
                new IllegalStateException("connection closed")));
        submitReport(2);

        FakeTransport next = new FakeTransport();
        channel.connected(next, 11);
        channel.submit(Service.LOGIN, login(), T0.plusSeconds(180));
        channel.drainOutbox();

        assertThat(next.sent).extracting(e -> e.getHeader().getBootId() + "/" + e.getHeader().getSequence())
                .containsExactly("11/1", "10/1", "10/2", "11/2");
        assertThat(next.sent.get(2).getHeader().getVehicleTimeMs()).isEqualTo(T0.plusSeconds(60).toEpochMilli());
    }

    @Test
    void publish_whenRefusedByBroker_isNotSentAgainAndReportedWithReasonCode() {
        channel.connected(transport, 10);
        submitReport(1);
        transport.failAll(new java.util.concurrent.CompletionException(new PublishRefusedException("t",
                "NOT_AUTHORIZED", new IllegalStateException("not authorized"))));
        channel.drainOutbox();

        assertThat(channel.outboxSize()).isZero();
        assertThat(transport.sent).hasSize(1);
        assertThat(counts.refused).containsExactly("smart-service:NOT_AUTHORIZED");
    }

    @Test
    void publish_lostWithTheConnectionThreeTimes_isGivenUpAndReported() {
        channel.connected(transport, 10);
        submitReport(1);
        for (int boot = 11; boot <= 14; boot++) {
            channel.disconnected();
            transport.failAll(new IllegalStateException("connection closed"));
            transport.acks.clear();
            channel.connected(transport, boot);
            channel.drainOutbox();
        }

        assertThat(transport.sent).hasSize(UplinkChannel.MAX_ATTEMPTS);
        assertThat(counts.refused).containsExactly("smart-service:" + UplinkChannel.UNACKNOWLEDGED);
        assertThat(channel.outboxSize()).isZero();
    }

    @Test
    void publish_lostAfterPrivacyModeWentOnAndOffAgain_isDroppedNotSentAfterPrivacyMode() {
        channel.connected(transport, 10);
        submitReport(1);
        channel.apply(DriverSettings.defaults().withPrivacyMode(true));
        channel.apply(DriverSettings.defaults());
        transport.failAll(new IllegalStateException("connection closed"));
        channel.drainOutbox();

        assertThat(transport.sent).hasSize(1);
        assertThat(channel.outboxSize()).isZero();
        assertThat(counts.discarded).isEqualTo(1);
    }

    @Test
    void publish_whenLostAndPrivacyModeTurnedOn_isDiscardedNotSentLater() {
        channel.connected(transport, 10);
        submitReport(1);
        channel.disconnected();
        channel.apply(DriverSettings.defaults().withPrivacyMode(true));
        transport.failAll(new IllegalStateException("connection closed"));
        channel.apply(DriverSettings.defaults());
        FakeTransport next = new FakeTransport();
        channel.connected(next, 11);
        channel.drainOutbox();

        assertThat(next.sent).isEmpty();
        assertThat(counts.discarded).isEqualTo(1);
    }

    @Test
    void publish_whenLostWhileStillOnline_isSentAgainAtOnce() {
        channel.connected(transport, 10);
        submitReport(1);
        FakeTransport next = new FakeTransport();
        channel.connected(next, 11);
        transport.failAll(new IllegalStateException("connection closed"));

        assertThat(next.sent).extracting(e -> e.getHeader().getBootId() + "/" + e.getHeader().getSequence())
                .containsExactly("10/1");
    }
}
