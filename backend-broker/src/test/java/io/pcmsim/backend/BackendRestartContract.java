package io.pcmsim.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.pcmsim.backend.testing.MqttSessions;
import io.pcmsim.backend.testing.TestPublisher;
import io.pcmsim.backend.testing.Uplinks;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Vin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backend restarts: whatever a backend session received but did not acknowledge is redelivered to the
 * next backend with the same client id, and stored once.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
abstract class BackendRestartContract {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String clientId = "backend-restart-" + run;

    abstract String brokerHost();

    abstract int brokerPort();

    private BackendConfig config() {
        return BackendConfig.builder()
                .brokerHost(brokerHost())
                .brokerPort(brokerPort())
                .clientId(clientId)
                .sharedGroup("restart-" + run)
                .dataDir(dataDir)
                .build();
    }

    @AfterEach
    void discardSession() {
        MqttSessions.discard(brokerHost(), brokerPort(), clientId);
    }

    @Test
    void restart_whenMessagesWereLeftUnacknowledged_redeliversThemAndStoresEachOnce() throws Exception {
        Vin vin = Uplinks.randomVin();
        try (Backend first = Backend.create(config());
             TestPublisher publisher = TestPublisher.connect(brokerHost(), brokerPort())) {
            first.start().get(30, TimeUnit.SECONDS);
            for (int seq = 1; seq <= 5; seq++) {
                publisher.publish(Service.SMART_SERVICE, Uplinks.smartService(vin, 1, seq, Uplinks.healthyState(seq)));
            }
            await().atMost(WAIT).until(() -> first.stats().handled() == 5);
        }

        // a backend instance of the same session that dies before committing: receives, never acknowledges
        Mqtt5AsyncClient crashed = Mqtt5Client.builder().identifier(clientId)
                .serverHost(brokerHost()).serverPort(brokerPort()).buildAsync();
        List<Mqtt5Publish> unacknowledged = new CopyOnWriteArrayList<>();
        crashed.publishes(MqttGlobalPublishFilter.ALL, unacknowledged::add, true);
        var connAck = crashed.connectWith().cleanStart(false).sessionExpiryInterval(86_400).send()
                .get(10, TimeUnit.SECONDS);
        assertThat(connAck.isSessionPresent()).as("session of the first backend kept by the broker").isTrue();
        try (TestPublisher publisher = TestPublisher.connect(brokerHost(), brokerPort())) {
            for (int seq = 6; seq <= 15; seq++) {
                publisher.publish(Service.SMART_SERVICE, Uplinks.smartService(vin, 1, seq, Uplinks.healthyState(seq)));
            }
            // the car resends two messages whose PUBACK it lost
            publisher.publish(Service.SMART_SERVICE, Uplinks.smartService(vin, 1, 2, Uplinks.healthyState(2)));
            publisher.publish(Service.SMART_SERVICE, Uplinks.smartService(vin, 1, 3, Uplinks.healthyState(3)));
        }
        // every publish above waited for the broker's PUBACK, so all 12 are on the broker now: in flight to the
        // crashed session (Mosquitto sends all, HiveMQ CE one round of a shared group) or queued behind them
        await().atMost(WAIT).until(() -> !unacknowledged.isEmpty());
        crashed.disconnect().get(10, TimeUnit.SECONDS);

        try (Backend second = Backend.create(config())) {
            second.start().get(30, TimeUnit.SECONDS);

            await().atMost(WAIT).until(() -> second.stats().handled() == 12);
            assertThat(second.stats().stored()).isEqualTo(10);
            assertThat(second.stats().duplicates()).isEqualTo(2);
            assertThat(second.storedMessages(vin)).isEqualTo(15);
        }
        await().atMost(WAIT).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().startsWith("pcmsim-backend")));
    }
}
