package io.pcmsim.backend.smartservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.pcmsim.backend.Backend;
import io.pcmsim.backend.BackendConfig;
import io.pcmsim.backend.Component;
import io.pcmsim.backend.Severity;
import io.pcmsim.backend.internal.smartservice.MaintenanceRules;
import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import io.pcmsim.backend.testing.ManualClock;
import io.pcmsim.backend.testing.TestPublisher;
import io.pcmsim.backend.testing.Uplinks;
import io.pcmsim.proto.v1.AppointmentRequest;
import io.pcmsim.proto.v1.CollectionConfigApplied;
import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.DownlinkCodec;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Topics;
import io.pcmsim.protocol.VehicleSnapshot;
import io.pcmsim.protocol.Vin;
import io.pcmsim.protocol.Wheels;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smart Service's storage and downlinks against a running backend on the embedded broker, fed with
 * hand-built uplinks; the store is H2 or PostgreSQL ({@link #jdbcUrl()}).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
abstract class SmartServiceContract {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final String DEALER = "stuttgart-zuffenhausen";

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();

    @TempDir
    Path dataDir;
    private final ManualClock clock = new ManualClock(NOW);
    private final List<AutoCloseable> open = new ArrayList<>();
    private Backend backend;
    private SmartService smartService;
    private TestPublisher car;
    private Vin vin;
    private final Queue<DownlinkEnvelope> downlinks = new ConcurrentLinkedQueue<>();

    /** The store; null for the backend's H2 file. */
    abstract @Nullable String jdbcUrl();

    @BeforeEach
    void start() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        BackendConfig.Builder config = BackendConfig.builder().brokerHost(BROKER.host()).brokerPort(BROKER.port())
                .clientId("smart-it-" + run).sharedGroup("smart-it-" + run).dataDir(dataDir)
                .clock(clock);
        if (jdbcUrl() != null) {
            config.jdbcUrl(jdbcUrl());
        }
        backend = Backend.create(config.build());
        open.add(backend);
        backend.start().get(60, TimeUnit.SECONDS);
        smartService = backend.smartService();
        vin = Uplinks.randomVin();
        Mqtt5AsyncClient subscriber = Mqtt5Client.builder().identifier("car-" + run).serverHost(BROKER.host())
                .serverPort(BROKER.port()).buildAsync();
        subscriber.connect().get(10, TimeUnit.SECONDS);
        open.add(() -> subscriber.disconnect());
        subscriber.subscribeWith().topicFilter(Topics.downlinkFilter(vin)).qos(MqttQos.AT_LEAST_ONCE)
                .callback(p -> downlinks.add(DownlinkCodec.parse(p.getPayloadAsBytes()))).send().get(10, TimeUnit.SECONDS);
        car = TestPublisher.connect(BROKER.host(), BROKER.port());
        open.add(car);
        publish(Service.LOGIN, Uplinks.login(vin, 1, 1));
    }

    @AfterEach
    void stop() {
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        open.clear();
    }

    private void publish(Service service, UplinkEnvelope envelope) {
        long before = backend.storedMessages(vin);
        car.publish(service, envelope);
        await().atMost(Duration.ofSeconds(30)).until(() -> backend.storedMessages(vin) == before + 1);
    }

    private void report(long sequence, VehicleSnapshot state) {
        publish(Service.SMART_SERVICE, Uplinks.smartService(vin, 1, sequence, state));
    }

    private static VehicleSnapshot afterWorkshop(double odometerKm) {
        return new VehicleSnapshot(odometerKm, odometerKm / 50, 100, Wheels.all(0), 12.6, Wheels.all(250), 250,
                30_000, Duration.ofDays(730), List.of());
    }

    /** A car whose front-left pad is {@code padWear} % worn and whose oil has {@code oilLife} % left. */
    private static VehicleSnapshot worn(double odometerKm, double oilLife, double padWear) {
        return new VehicleSnapshot(odometerKm, odometerKm / 50, oilLife, new Wheels(padWear, 60, 40, 40), 12.6,
                Wheels.all(250), 250, 12_000, Duration.ofDays(200), List.of());
    }

    private Map<Component, TrackedNeed> unresolved() {
        Map<Component, TrackedNeed> needs = new java.util.EnumMap<>(Component.class);
        smartService.needs(vin).stream().filter(n -> n.state() != NeedState.RESOLVED)
                .forEach(n -> needs.put(n.component(), n));
        return needs;
    }

    @Test
    void needs_goFromOpenThroughAppointmentAndBooking_toResolvedByALaterReport() {
        report(2, Uplinks.wornState(61_000));
        Map<Component, TrackedNeed> open = unresolved();
        assertThat(open.keySet()).containsExactly(Component.ENGINE_OIL, Component.BRAKE_PADS);
        assertThat(open.values()).allSatisfy(n -> {
            assertThat(n.state()).isEqualTo(NeedState.OPEN);
            assertThat(n.history()).extracting(NeedEvent::state).containsExactly(NeedState.OPEN);
        });
        report(3, Uplinks.wornState(61_010));
        assertThat(unresolved().values()).extracting(TrackedNeed::needId)
                .containsExactlyInAnyOrderElementsOf(open.values().stream().map(TrackedNeed::needId).toList());

        smartService.setPreferredDealer(vin, DEALER);
        Appointment requested = smartService.requestAppointment(vin, new AppointmentWish(Optional.empty(),
                Optional.empty(), Optional.of(LocalDate.of(2026, 6, 3)), false));
        assertThat(requested.dealerId()).contains(DEALER);
        assertThat(requested.needIds()).hasSize(2);
        assertThat(unresolved().values()).allSatisfy(n -> assertThat(n.state()).isEqualTo(NeedState.APPOINTMENT_REQUESTED));
        assertThat(smartService.dealerAppointments(DEALER)).extracting(Appointment::appointmentId)
                .contains(requested.appointmentId());

        Appointment booked = smartService.book(requested.appointmentId(), NOW.plus(Duration.ofDays(2)));
        assertThat(booked.state()).isEqualTo(Appointment.State.BOOKED);
        assertThat(booked.bookedFor()).contains(NOW.plus(Duration.ofDays(2)));
        assertThat(unresolved().values()).allSatisfy(n -> assertThat(n.state()).isEqualTo(NeedState.BOOKED));
        assertThatThrownBy(() -> smartService.book(requested.appointmentId(), NOW))
                .isInstanceOfSatisfying(SmartServiceException.class, e -> assertThat(e.code())
                        .isEqualTo("appointment-not-requested"));

        report(4, Uplinks.healthyState(61_020));
        assertThat(unresolved()).as("oil 80 %, pads 20 %: no need shown, but nothing shows a replacement")
                .hasSize(2);
        report(5, afterWorkshop(61_030));
        assertThat(unresolved()).isEmpty();
        List<TrackedNeed> resolved = smartService.needs(vin);
        assertThat(resolved).allSatisfy(n -> {
            assertThat(n.state()).isEqualTo(NeedState.RESOLVED);
            assertThat(n.resolvedAt()).contains(Instant.ofEpochMilli(Uplinks.header(vin, 1, 5).getVehicleTimeMs()));
            assertThat(n.history()).extracting(NeedEvent::state).containsExactly(NeedState.OPEN,
                    NeedState.APPOINTMENT_REQUESTED, NeedState.BOOKED, NeedState.RESOLVED);
        });

        report(6, Uplinks.wornState(80_000));
        assertThat(unresolved().values()).as("worn again: new needs").extracting(TrackedNeed::needId)
                .doesNotContainAnyElementsOf(resolved.stream().map(TrackedNeed::needId).toList());
    }

    @Test
    void aNeed_showsTheNewestStatesDueAndReason_isWrittenOnlyAtItsSteps_andKeepsItsLastStepOnceResolved() {
        report(2, worn(61_000, 12, 91));
        clock.advance(Duration.ofMinutes(1));
        report(3, worn(61_400, 10, 93));

        Map<Component, TrackedNeed> moved = unresolved();
        assertThat(moved.get(Component.ENGINE_OIL)).satisfies(n -> {
            assertThat(n.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(n.reason()).isEqualTo("engine oil life 10 % left");
            assertThat(n.dueKm()).hasValue(61_400 + 0.10 * MaintenanceRules.OIL_INTERVAL_KM);
        });
        assertThat(moved.get(Component.BRAKE_PADS)).satisfies(n -> {
            assertThat(n.reason()).isEqualTo("front-left pad 93 % worn");
            assertThat(n.dueKm()).hasValue(61_400 + 7 * MaintenanceRules.PAD_KM_PER_PERCENT);
        });
        assertThat(moved.values()).as("the figures moved, the severities did not: no row written")
                .allSatisfy(n -> assertThat(n.updatedAt()).isEqualTo(NOW));

        clock.advance(Duration.ofMinutes(1));
        report(4, worn(61_800, 4, 94));
        Map<Component, TrackedNeed> stepped = unresolved();
        assertThat(stepped.get(Component.ENGINE_OIL)).as("oil 4 %: HIGH, a step").satisfies(n -> {
            assertThat(n.severity()).isEqualTo(Severity.HIGH);
            assertThat(n.reason()).isEqualTo("engine oil life 4 % left");
            assertThat(n.updatedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(2)));
            assertThat(n.history()).extracting(NeedEvent::state).containsExactly(NeedState.OPEN);
        });
        assertThat(stepped.get(Component.BRAKE_PADS).updatedAt()).isEqualTo(NOW);

        clock.advance(Duration.ofMinutes(1));
        report(5, worn(62_000, 3, 95));
        assertThat(unresolved().get(Component.ENGINE_OIL).reason()).isEqualTo("engine oil life 3 % left");
        report(6, Uplinks.healthyState(62_100));
        assertThat(unresolved().get(Component.ENGINE_OIL)).as("no longer shown, not replaced: its last step")
                .satisfies(n -> {
                    assertThat(n.reason()).isEqualTo("engine oil life 4 % left");
                    assertThat(n.dueKm()).hasValue(61_800 + 0.04 * MaintenanceRules.OIL_INTERVAL_KM);
                });

        clock.advance(Duration.ofMinutes(1));
        report(7, afterWorkshop(62_200));
        assertThat(unresolved()).isEmpty();
        assertThat(smartService.needs(vin)).filteredOn(n -> n.component() == Component.ENGINE_OIL).singleElement()
                .as("resolved: the values of its last step before, the time of its resolution").satisfies(n -> {
                    assertThat(n.severity()).isEqualTo(Severity.HIGH);
                    assertThat(n.reason()).isEqualTo("engine oil life 4 % left");
                    assertThat(n.dueKm()).hasValue(61_800 + 0.04 * MaintenanceRules.OIL_INTERVAL_KM);
                    assertThat(n.updatedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(4)));
                });
    }

    @Test
    void aCollectionConfig_isPendingUntilTheCarAcknowledgesIt() throws Exception {
        String configId = smartService.sendCollectionConfig(vin, new CollectionSettings(OptionalInt.of(600),
                Map.of("engine-oil-life", 20.0))).get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> downlinks.stream().anyMatch(DownlinkEnvelope::hasCollectionConfig));
        DownlinkEnvelope sent = downlinks.stream().filter(DownlinkEnvelope::hasCollectionConfig).findFirst().orElseThrow();
        assertThat(sent.getCollectionConfig().getConfigId()).isEqualTo(configId);
        assertThat(sent.getCollectionConfig().getSmartServiceIntervalS()).isEqualTo(600);
        assertThat(sent.getCollectionConfig().getThresholdsMap()).containsEntry("engine-oil-life", 20.0);
        assertThat(smartService.collectionConfigs(vin).sent()).singleElement()
                .satisfies(c -> assertThat(c.state()).isEqualTo(ConfigState.PENDING));

        publish(Service.SMART_SERVICE, acknowledgement(2, "not-a-config-of-this-car"));
        publish(Service.SMART_SERVICE, acknowledgement(3, configId));

        CollectionConfigs configs = smartService.collectionConfigs(vin);
        assertThat(configs.sent()).singleElement().satisfies(c -> {
            assertThat(c.state()).isEqualTo(ConfigState.APPLIED);
            assertThat(c.appliedAt()).contains(Instant.ofEpochMilli(Uplinks.header(vin, 1, 3).getVehicleTimeMs()));
        });
        assertThat(configs.appliedIntervalSeconds()).hasValue(600);
        assertThat(configs.appliedThresholds()).containsEntry("engine-oil-life", 20.0);
        assertThat(configs.lastApplied()).contains(configId);
    }

    private UplinkEnvelope acknowledgement(long sequence, String configId) {
        return UplinkEnvelope.newBuilder().setHeader(Uplinks.header(vin, 1, sequence))
                .setCollectionConfigApplied(CollectionConfigApplied.newBuilder().setConfigId(configId)).build();
    }

    private UplinkEnvelope appointmentRequest(long sequence, String dealerId) {
        return UplinkEnvelope.newBuilder().setHeader(Uplinks.header(vin, 1, sequence))
                .setAppointmentRequest(AppointmentRequest.newBuilder().setRequestId("req-" + sequence)
                        .setDealerId(dealerId).setPreferredDate("2026-06-10").setNavigate(true)).build();
    }

    @Test
    void anAppointmentRequestFromTheCar_coversItsOpenNeeds_andSendsTheDealerAsDestination() {
        report(2, Uplinks.wornState(61_000));
        publish(Service.SMART_SERVICE, appointmentRequest(3, ""));
        assertThat(smartService.appointments(vin)).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(Appointment.State.REFUSED);
            assertThat(a.note()).contains("no dealer");
        });
        assertThat(unresolved().values()).allSatisfy(n -> assertThat(n.state()).isEqualTo(NeedState.OPEN));

        smartService.setPreferredDealer(vin, DEALER);
        publish(Service.SMART_SERVICE, appointmentRequest(4, ""));

        Appointment made = smartService.appointments(vin).get(0);
        assertThat(made.origin()).isEqualTo(Appointment.Origin.CAR);
        assertThat(made.state()).isEqualTo(Appointment.State.REQUESTED);
        assertThat(made.requestId()).contains("req-4");
        assertThat(made.preferredDate()).contains(LocalDate.of(2026, 6, 10));
        assertThat(made.needIds()).hasSize(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> downlinks.stream().anyMatch(DownlinkEnvelope::hasNavigationDestination));
        DownlinkEnvelope destination = downlinks.stream().filter(DownlinkEnvelope::hasNavigationDestination)
                .findFirst().orElseThrow();
        assertThat(destination.getNavigationDestination().getAppointmentId()).isEqualTo(made.appointmentId());
        assertThat(destination.getNavigationDestination().getRequestId()).isEqualTo("req-4");
        assertThat(destination.getNavigationDestination().getDealerId()).isEqualTo(DEALER);
        assertThat(destination.getNavigationDestination().getLatitude()).isBetween(48.0, 49.5);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                smartService.appointments(vin).get(0).navigation() == Appointment.Navigation.SENT);
    }

    @Test
    void appointmentRequestsThatCannotBeServed_areRefusedWithTheirReason() {
        report(2, Uplinks.wornState(61_000));
        assertRefused(() -> smartService.requestAppointment(vin, wish(null, null)), "dealer-required");
        assertRefused(() -> smartService.requestAppointment(vin, wish("no-such-dealer", null)), "dealer-not-found");
        assertRefused(() -> smartService.requestAppointment(vin, wish(DEALER, List.of("no-such-need"))),
                "need-not-found");
        String oil = unresolved().get(Component.ENGINE_OIL).needId();
        Appointment first = smartService.requestAppointment(vin, wish(DEALER, List.of(oil)));
        assertThat(first.needIds()).containsExactly(oil);
        assertRefused(() -> smartService.requestAppointment(vin, wish(DEALER, List.of(oil))), "need-not-open");
        assertRefused(() -> smartService.book("no-such-appointment", NOW), "appointment-not-found");
        assertRefused(() -> smartService.setPreferredDealer(vin, "no-such-dealer"), "dealer-not-found");
        assertThat(smartService.appointments(vin)).hasSize(1);
    }

    private static AppointmentWish wish(@Nullable String dealer, @Nullable List<String> needs) {
        return new AppointmentWish(Optional.ofNullable(dealer), Optional.ofNullable(needs), Optional.empty(), false);
    }

    private static void assertRefused(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(SmartServiceException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
