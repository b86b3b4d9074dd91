package io.pcmsim.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pcmsim.backend.testing.MqttSessions;
import io.pcmsim.backend.testing.TestPublisher;
import io.pcmsim.backend.testing.Uplinks;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Topics;
import io.pcmsim.protocol.Vin;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backend end to end against a broker: a plain MQTT client publishes hand-built envelopes. Every
 * test uses fresh VINs, its own client id and its own shared group, so a shared broker is fine.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class BackendScenarioContract {

    private static final Duration WAIT = Duration.ofSeconds(20);
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    Path dataDir;
    Backend backend;
    TestPublisher publisher;
    String clientId;

    abstract String brokerHost();

    abstract int brokerPort();

    /** Messages per vehicle (of 10) in the burst test; stay below what the broker queues per session. */
    int burstPerVehicle() {
        return 150;
    }

    /** The backend under test; by default one that subscribes over MQTT. */
    Backend createBackend(BackendConfig config) {
        return Backend.create(config);
    }

    /** The store; by default the backend's H2 file in {@link #dataDir}. */
    String jdbcUrl() {
        return null;
    }

    @BeforeEach
    void startBackend() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        clientId = "backend-it-" + run;
        BackendConfig.Builder config = BackendConfig.builder();
        if (jdbcUrl() != null) {
            config.jdbcUrl(jdbcUrl());
        }
        backend = createBackend(config
                .brokerHost(brokerHost())
                .brokerPort(brokerPort())
                .clientId(clientId)
                .sharedGroup("it-" + run)
                .dataDir(dataDir)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .batchSize(100)
                .build());
        backend.start().get(30, TimeUnit.SECONDS);
        publisher = TestPublisher.connect(brokerHost(), brokerPort());
    }

    @AfterEach
    void stopBackend() {
        if (publisher != null) {
            publisher.close();
        }
        if (backend != null) {
            backend.close();
            MqttSessions.discard(brokerHost(), brokerPort(), clientId);
        }
    }

    private void awaitHandled(long count) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(backend.stats().handled()).isEqualTo(count));
    }

    @Test
    void backend_whenTwentyVehiclesLogInAndReport_storesEveryMessageAndDerivesNeeds() {
        List<Vin> vins = Uplinks.randomVins(20);
        for (int i = 0; i < vins.size(); i++) {
            Vin vin = vins.get(i);
            publisher.publish(Service.LOGIN, Uplinks.login(vin, 1, 1));
            publisher.publish(Service.SMART_SERVICE, Uplinks.smartService(vin, 1, 2,
                    i % 2 == 0 ? Uplinks.wornState(10_100) : Uplinks.healthyState(10_100)));
            publisher.publish(Service.MANUAL, Uplinks.manual(vin, 1, 3));
        }

        awaitHandled(60);

        BackendStats stats = backend.stats();
        assertThat(stats.stored()).isEqualTo(60);
        assertThat(stats.duplicates()).isZero();
        assertThat(stats.rejectedTotal()).isZero();
        assertThat(stats.storedByService()).containsEntry("login", 20L).containsEntry("smart-service", 20L)
                .containsEntry("manual", 20L);
        assertThat(vins).allSatisfy(vin -> assertThat(backend.storedMessages(vin)).isEqualTo(3));
        List<MaintenanceNeed> worn = backend.maintenanceNeeds(vins.get(0));
        assertThat(worn).extracting(MaintenanceNeed::component)
                .containsExactly(Component.ENGINE_OIL, Component.BRAKE_PADS);
        assertThat(worn.get(1).severity()).isEqualTo(Severity.HIGH);
        assertThat(worn.get(1).reason()).isEqualTo("front-left pad 91 % worn");
        assertThat(backend.maintenanceNeeds(vins.get(1))).isEmpty();
        MaintenanceSummary summary = backend.maintenanceSummary();
        assertThat(summary.total()).isEqualTo(20);
        assertThat(summary.byComponent()).containsEntry("ENGINE_OIL", 10L).containsEntry("BRAKE_PADS", 10L)
                .containsEntry("TIRE_PRESSURE", 0L);
        assertThat(summary.bySeverity()).containsEntry("HIGH", 10L).containsEntry("MEDIUM", 10L);
    }

    @Test
    void backend_whenBurstOfMessagesArrives_storesEachOnceInBatches() {
        List<Vin> vins = Uplinks.randomVins(10);
        int perVehicle = burstPerVehicle();
        List<java.util.concurrent.CompletableFuture<?>> sent = new java.util.ArrayList<>();
        for (int seq = 1; seq <= perVehicle; seq++) {
            for (Vin vin : vins) {
                sent.add(publisher.publishAsync(Service.SMART_SERVICE,
                        Uplinks.smartService(vin, 1, seq, Uplinks.healthyState(seq))));
            }
        }
        java.util.concurrent.CompletableFuture.allOf(sent.toArray(java.util.concurrent.CompletableFuture[]::new))
                .join();

        awaitHandled(vins.size() * perVehicle);
        assertThat(backend.stats().stored()).isEqualTo(vins.size() * perVehicle);
        assertThat(vins).allSatisfy(vin -> assertThat(backend.storedMessages(vin)).isEqualTo(perVehicle));
    }

    @Test
    void backend_whenSameMessagePublishedTwice_storesItOnceAndCountsDuplicate() {
        Vin vin = Uplinks.randomVin();
        var report = Uplinks.smartService(vin, 7, 42, Uplinks.healthyState(500));

        publisher.publish(Service.SMART_SERVICE, report);
        publisher.publish(Service.SMART_SERVICE, report);
        publisher.publish(Service.SMART_SERVICE, Uplinks.smartService(vin, 7, 43, Uplinks.healthyState(501)));

        awaitHandled(3);
        assertThat(backend.stats().stored()).isEqualTo(2);
        assertThat(backend.stats().duplicates()).isEqualTo(1);
        assertThat(backend.storedMessages(vin)).isEqualTo(2);
    }

    @Test
    void backend_whenCarPublishesAnUplinkRetained_rejectsItAsRetained() {
        Vin vin = Uplinks.randomVin();
        String topic = Topics.uplink(vin, Service.SMART_SERVICE);
        try {
            publisher.publishRetained(topic, Uplinks.smartService(vin, 1, 1, Uplinks.healthyState(1)).toByteArray());
            publisher.publish(Service.SMART_SERVICE, Uplinks.smartService(vin, 1, 2, Uplinks.healthyState(2)));

            awaitHandled(2);

            assertThat(backend.stats().rejected("retained")).isEqualTo(1);
            assertThat(backend.storedMessages(vin)).isEqualTo(1);
        } finally {
            publisher.publishRetained(topic, new byte[0]); // a shared broker keeps no retained uplink of ours
        }
    }

    @Test
    void backend_whenInvalidMessagesBetweenValidOnes_rejectsEachByReasonAndStoresTheRest() {
        Vin vin = Uplinks.randomVin();
        Vin other = Uplinks.randomVin();
        String smartTopic = Topics.uplink(vin, Service.SMART_SERVICE);

        publisher.publish(Service.LOGIN, Uplinks.login(vin, 1, 1));
        publisher.publish(smartTopic, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 1});
        publisher.publish(Service.SMART_SERVICE, Uplinks.smartService(vin, 1, 2, Uplinks.healthyState(2)));
        publisher.publish("pcm/v1/vehicles/WP0ZZZ99ZTS39212O/up/smart-service",
                Uplinks.smartService(vin, 1, 3, Uplinks.healthyState(3)).toByteArray());
        publisher.publish(Service.MANUAL, Uplinks.manual(vin, 1, 4));
        publisher.publish(Topics.uplink(vin, Service.BREAKDOWN),
                Uplinks.smartService(vin, 1, 5, Uplinks.healthyState(5)).toByteArray());
        publisher.publish(smartTopic, Uplinks.smartService(other, 1, 6, Uplinks.healthyState(6)).toByteArray());
        publisher.publish(Service.SMART_SERVICE, Uplinks.smartService(vin, 1, 7, Uplinks.healthyState(7)));

        awaitHandled(8);
        BackendStats stats = backend.stats();
        assertThat(stats.stored()).isEqualTo(4);
        assertThat(stats.rejectedByReason()).containsOnly(
                java.util.Map.entry("malformed-payload", 1L),
                java.util.Map.entry("invalid-vin", 1L),
                java.util.Map.entry("body-topic-mismatch", 1L),
                java.util.Map.entry("vin-mismatch", 1L));
        assertThat(backend.storedMessages(vin)).isEqualTo(4);
        assertThat(backend.storedMessages(other)).isZero();
    }
}
