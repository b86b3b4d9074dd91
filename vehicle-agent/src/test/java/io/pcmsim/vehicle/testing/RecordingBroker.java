package io.pcmsim.vehicle.testing;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.pcmsim.backend.broker.EmbeddedBroker;
import io.pcmsim.proto.v1.Presence;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Topics;
import io.pcmsim.protocol.UplinkCodec;
import io.pcmsim.protocol.UplinkHeader;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension: starts the project's {@link EmbeddedBroker} (HiveMQ CE) once per test class on
 * 127.0.0.1 and a free port, with a subscriber on {@code pcm/v1/vehicles/#} that records every message in a thread-safe queue (cleared
 * before each test) and {@link BrokerControl} installed (its refusal and blocked clients reset before each test). Fails loudly when the broker does not start. Register with {@code @RegisterExtension}
 * on a static field.
 */
public final class RecordingBroker implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    /** One message the subscriber received, in arrival order ({@code arrival} grows by one). */
    public record Received(long arrival, String topic, byte[] payload, boolean retained) {

        public boolean isUplink() {
            return Topics.parseUplink(topic).isPresent();
        }

        public String vinText() {
            return topic.substring(Topics.ROOT.length(), topic.indexOf('/', Topics.ROOT.length()));
        }

        public UplinkEnvelope envelope() {
            return UplinkCodec.parse(payload);
        }

        public UplinkHeader header() {
            return UplinkCodec.header(envelope().getHeader());
        }

        public Optional<Presence> presence() {
            if (!topic.endsWith("/status")) {
                return Optional.empty();
            }
            try {
                return Optional.of(Presence.parseFrom(payload));
            } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                throw new IllegalStateException("status payload on " + topic + " is not a Presence", e);
            }
        }
    }

    private final BrokerControl control = new BrokerControl();
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicLong arrivals = new AtomicLong();
    private EmbeddedBroker broker;
    private Mqtt5AsyncClient subscriber;
    private int port;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        broker = EmbeddedBroker.builder().port(0).extension(control).build();
        try {
            broker.start().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            broker.close();
            throw new IllegalStateException("embedded HiveMQ did not start: " + e.getMessage(), e);
        }
        port = broker.port();
        subscriber = MqttClient.builder().useMqttVersion5().identifier("test-subscriber")
                .serverHost("127.0.0.1").serverPort(port).buildAsync();
        subscriber.connect().get(10, TimeUnit.SECONDS);
        subscriber.subscribeWith().topicFilter(Topics.ROOT + "#").qos(MqttQos.AT_LEAST_ONCE)
                .callback(p -> received.add(new Received(arrivals.incrementAndGet(), p.getTopic().toString(),
                        p.getPayloadAsBytes(), p.isRetain())))
                .send().get(10, TimeUnit.SECONDS);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        received.clear();
        control.refuse(null);
        control.unblockAll();
        control.requireCredentials(null);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (subscriber != null) {
                subscriber.disconnect().get(10, TimeUnit.SECONDS);
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }

    /** The broker-side test controls: refuse a topic, block and count CONNECTs, drop a client with its Last Will. */
    public BrokerControl control() {
        return control;
    }

    public int port() {
        return port;
    }

    /** Everything received since the test began, in arrival order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Uplink messages of {@code vin} received so far, in arrival order. */
    public List<Received> uplinks(String vin) {
        return received.stream().filter(r -> r.isUplink() && r.vinText().equals(vin)).toList();
    }

    /** Arrival number of the latest message so far. */
    public long lastArrival() {
        return arrivals.get();
    }
}
