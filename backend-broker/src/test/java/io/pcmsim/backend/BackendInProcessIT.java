package io.pcmsim.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import io.pcmsim.backend.broker.EmbeddedBroker;
import io.pcmsim.backend.internal.storage.Database;
import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import io.pcmsim.backend.testing.Uplinks;
import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.protocol.DownlinkCodec;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Topics;
import io.pcmsim.protocol.Vin;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backend inside the embedded broker ({@link Backend#inProcess}): a car's publish is acknowledged
 * only once stored (or rejected), other subscribers get it after that, what a stopped backend did not
 * store goes back to the car, downlinks leave through the broker, and a store that stays down longer
 * than the broker's timeout never yields a successful PUBACK. The store is made unavailable by renaming
 * its table under the running backend (the writer retries a missing table).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class BackendInProcessIT {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension(EmbeddedBroker.Builder::inProcessIngest);

    @RegisterExtension
    static final EmbeddedBrokerExtension IMPATIENT_BROKER =
            new EmbeddedBrokerExtension(b -> b.inProcessIngest(Duration.ofSeconds(2)));

    @TempDir
    Path dataDir;
    private final List<Backend> backends = new ArrayList<>();
    private final List<Mqtt5AsyncClient> clients = new ArrayList<>();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void stop() {
        clients.forEach(c -> c.disconnect().exceptionally(e -> null));
        backends.forEach(Backend::close);
    }

    private Backend startBackend(EmbeddedBrokerExtension broker) throws Exception {
        Backend backend = Backend.inProcess(BackendConfig.builder().dataDir(dataDir).batchSize(50)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build(), broker.broker());
        backends.add(backend);
        backend.start().get(30, TimeUnit.SECONDS);
        return backend;
    }

    private Mqtt5AsyncClient connect(EmbeddedBrokerExtension broker, String name, boolean reconnecting) throws Exception {
        var builder = Mqtt5Client.builder().identifier(name + "-" + run)
                .serverHost(broker.host()).serverPort(broker.port());
        if (reconnecting) {
            builder = builder.automaticReconnectWithDefaultConfig();
        }
        Mqtt5AsyncClient client = builder.buildAsync();
        client.connectWith().cleanStart(false).sessionExpiryInterval(60).send().get(10, TimeUnit.SECONDS);
        clients.add(client);
        return client;
    }

    private static CompletableFuture<Mqtt5PublishResult> publish(Mqtt5AsyncClient car, String topic, byte[] payload) {
        return car.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send();
    }

    private Queue<Mqtt5Publish> tap(EmbeddedBrokerExtension broker) throws Exception {
        Queue<Mqtt5Publish> seen = new ConcurrentLinkedQueue<>();
        connect(broker, "tap", false).subscribeWith().topicFilter(Topics.UPLINK_FILTER).qos(MqttQos.AT_LEAST_ONCE)
                .callback(seen::add).send().get(10, TimeUnit.SECONDS);
        return seen;
    }

    /** Renames the uplink table away (the store is unavailable) or back. */
    private void storeAvailable(boolean available) throws Exception {
        try (Connection c = DriverManager.getConnection(Database.h2Url(dataDir)); Statement s = c.createStatement()) {
            s.execute(available ? "ALTER TABLE uplink_message_away RENAME TO uplink_message"
                    : "ALTER TABLE uplink_message RENAME TO uplink_message_away");
        }
    }

    @Test
    void publish_whileStoreUnavailable_isAcknowledgedAndRoutedOnlyAfterItIsStored() throws Exception {
        Backend backend = startBackend(BROKER);
        Queue<Mqtt5Publish> tapped = tap(BROKER);
        Mqtt5AsyncClient car = connect(BROKER, "car", false);
        Vin vin = Uplinks.randomVin();
        storeAvailable(false);

        CompletableFuture<Mqtt5PublishResult> ack = publish(car, Topics.uplink(vin, Service.LOGIN),
                Uplinks.login(vin, 1, 1).toByteArray());

        await().atMost(WAIT).until(() -> backend.health().writer() == WriterState.RETRYING);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> !ack.isDone() && tapped.isEmpty() && backend.stats().stored() == 0);
        storeAvailable(true);

        Mqtt5PublishResult result = ack.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(result.getError()).isEmpty();
        assertThat(backend.stats().stored()).isEqualTo(1);
        assertThat(backend.storedMessages(vin)).isEqualTo(1);
        await().atMost(WAIT).until(() -> tapped.size() == 1);
        assertThat(tapped.peek().getTopic().toString()).isEqualTo(Topics.uplink(vin, Service.LOGIN));
        assertThat(BROKER.trafficTo(Topics.uplink(vin, Service.LOGIN))).hasSize(1);
    }

    @Test
    void publish_whenRejected_isAcknowledgedCountedAndStillRoutedToOtherSubscribers() throws Exception {
        Backend backend = startBackend(BROKER);
        Queue<Mqtt5Publish> tapped = tap(BROKER);
        Mqtt5AsyncClient car = connect(BROKER, "car", false);
        Vin vin = Uplinks.randomVin();

        Mqtt5PublishResult garbage = publish(car, Topics.uplink(vin, Service.SMART_SERVICE), new byte[] {1, 2, 3})
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        Mqtt5PublishResult good = publish(car, Topics.uplink(vin, Service.LOGIN), Uplinks.login(vin, 1, 1).toByteArray())
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(garbage.getError()).isEmpty();
        assertThat(good.getError()).isEmpty();
        assertThat(backend.stats().rejectedByReason()).containsEntry("malformed-payload", 1L);
        assertThat(backend.stats().stored()).isEqualTo(1);
        await().atMost(WAIT).until(() -> tapped.size() == 2);
        assertThat(tapped).extracting(p -> p.getTopic().toString())
                .containsExactly(Topics.uplink(vin, Service.SMART_SERVICE), Topics.uplink(vin, Service.LOGIN));
    }

    @Test
    void stop_withUplinksNotStored_givesThemBackAndTheCarSendsThemToTheNextBackend() throws Exception {
        Backend first = startBackend(BROKER);
        AtomicInteger disconnects = new AtomicInteger();
        Mqtt5AsyncClient car = Mqtt5Client.builder().identifier("car-" + run)
                .serverHost(BROKER.host()).serverPort(BROKER.port())
                .automaticReconnectWithDefaultConfig()
                .addDisconnectedListener(context -> disconnects.incrementAndGet())
                .buildAsync();
        car.connectWith().cleanStart(false).sessionExpiryInterval(60).send().get(10, TimeUnit.SECONDS);
        clients.add(car);
        Vin vin = Uplinks.randomVin();
        String topic = Topics.uplink(vin, Service.LOGIN);
        storeAvailable(false);

        CompletableFuture<Mqtt5PublishResult> ack = publish(car, topic, Uplinks.login(vin, 1, 1).toByteArray());
        await().atMost(WAIT).until(() -> first.health().writer() == WriterState.RETRYING);
        first.stop().get(30, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> disconnects.get() > 0);
        assertThat(ack).isNotDone();
        assertThat(first.stats().stored()).isZero();
        storeAvailable(true);
        Backend second = startBackend(BROKER);

        Mqtt5PublishResult result = ack.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(result.getError()).isEmpty();
        assertThat(second.stats().stored()).isEqualTo(1);
        assertThat(second.storedMessages(vin)).isEqualTo(1);
        assertThat(BROKER.trafficTo(topic)).hasSizeGreaterThanOrEqualTo(2); // sent again after the disconnect
    }

    @Test
    void publish_whenStoreStaysDownLongerThanTheBrokersTimeout_isRefusedNeverAcknowledgedAsStored() throws Exception {
        Backend backend = startBackend(IMPATIENT_BROKER);
        Mqtt5AsyncClient car = connect(IMPATIENT_BROKER, "car", false);
        Vin vin = Uplinks.randomVin();
        storeAvailable(false);

        CompletableFuture<Mqtt5PublishResult> ack = publish(car, Topics.uplink(vin, Service.LOGIN),
                Uplinks.login(vin, 1, 1).toByteArray());

        assertThat(ack).failsWithin(WAIT).withThrowableThat().havingRootCause()
                .isInstanceOfSatisfying(Mqtt5PubAckException.class, e -> assertThat(e.getMqttMessage().getReasonCode())
                        .isEqualTo(Mqtt5PubAckReasonCode.IMPLEMENTATION_SPECIFIC_ERROR));
        assertThat(backend.stats().stored()).isZero();
        storeAvailable(true);
    }

    @Test
    void requestRebirth_inProcess_reachesTheCarThroughTheBroker() throws Exception {
        Backend backend = startBackend(BROKER);
        Vin vin = Uplinks.randomVin();
        Queue<Mqtt5Publish> received = new ConcurrentLinkedQueue<>();
        connect(BROKER, "car", false).subscribeWith().topicFilter(Topics.downlinkFilter(vin))
                .qos(MqttQos.AT_LEAST_ONCE).callback(received::add).send().get(10, TimeUnit.SECONDS);

        backend.requestRebirth(vin, "backend lost the session").get(10, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> !received.isEmpty());
        Mqtt5Publish publish = received.peek();
        assertThat(publish.getTopic().toString()).isEqualTo("pcm/v1/vehicles/" + vin.value() + "/down/session");
        DownlinkEnvelope envelope = DownlinkCodec.parse(publish.getPayloadAsBytes());
        assertThat(envelope.getHeader().getVin()).isEqualTo(vin.value());
        assertThat(envelope.getRebirthRequest().getReason()).isEqualTo("backend lost the session");
    }

    @Test
    void inProcess_onABrokerBuiltWithoutInProcessIngest_failsSayingHowToBuildIt() {
        EmbeddedBroker plain = EmbeddedBroker.builder().build();

        assertThatThrownBy(() -> Backend.inProcess(BackendConfig.builder().dataDir(dataDir).build(), plain))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inProcessIngest()");
    }
}
