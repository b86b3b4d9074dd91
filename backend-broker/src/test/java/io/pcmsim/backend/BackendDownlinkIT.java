package io.pcmsim.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import io.pcmsim.backend.testing.MqttSessions;
import io.pcmsim.backend.testing.Uplinks;
import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.protocol.DownlinkCodec;
import io.pcmsim.protocol.Topics;
import io.pcmsim.protocol.Vin;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The backend sends a car a downlink over its own MQTT session; a car-side client receives and decodes it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BackendDownlinkIT {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();

    @TempDir
    Path dataDir;
    private Backend backend;
    private String clientId;
    private Mqtt5AsyncClient car;

    @AfterEach
    void stop() {
        if (car != null) {
            car.disconnect();
        }
        if (backend != null) {
            backend.close();
            MqttSessions.discard(BROKER.host(), BROKER.port(), clientId);
        }
    }

    @Test
    void requestRebirth_whenCarSubscribed_arrivesOnItsSessionTopicDecodable() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        clientId = "backend-down-" + run;
        backend = Backend.create(BackendConfig.builder().brokerHost(BROKER.host()).brokerPort(BROKER.port())
                .clientId(clientId).sharedGroup("down-" + run).dataDir(dataDir)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build());
        backend.start().get(30, TimeUnit.SECONDS);
        Vin vin = Uplinks.randomVin();
        Queue<Mqtt5Publish> received = new ConcurrentLinkedQueue<>();
        car = Mqtt5Client.builder().identifier("car-" + run).serverHost(BROKER.host()).serverPort(BROKER.port())
                .buildAsync();
        car.connect().get(10, TimeUnit.SECONDS);
        car.subscribeWith().topicFilter(Topics.downlinkFilter(vin)).qos(MqttQos.AT_LEAST_ONCE)
                .callback(received::add).send().get(10, TimeUnit.SECONDS);

        backend.requestRebirth(vin, "backend lost the session").get(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
        Mqtt5Publish publish = received.peek();
        assertThat(publish.getTopic().toString()).isEqualTo("pcm/v1/vehicles/" + vin.value() + "/down/session");
        assertThat(publish.getQos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
        DownlinkEnvelope envelope = DownlinkCodec.parse(publish.getPayloadAsBytes());
        assertThat(envelope.getHeader().getVin()).isEqualTo(vin.value());
        assertThat(envelope.getHeader().getMessageId()).isNotBlank();
        assertThat(envelope.getHeader().getBackendTimeMs()).isEqualTo(NOW.toEpochMilli());
        assertThat(envelope.getRebirthRequest().getReason()).isEqualTo("backend lost the session");
    }

    @Test
    void requestRebirth_beforeStart_failsNamingTheTopic() {
        clientId = "backend-down-" + UUID.randomUUID().toString().substring(0, 8);
        backend = Backend.create(BackendConfig.builder().brokerHost(BROKER.host()).brokerPort(BROKER.port())
                .clientId(clientId).dataDir(dataDir).build());

        assertThat(backend.requestRebirth(Uplinks.randomVin(), "x")).failsWithin(Duration.ofSeconds(5))
                .withThrowableThat().withMessageContaining("not connected");
    }
}
