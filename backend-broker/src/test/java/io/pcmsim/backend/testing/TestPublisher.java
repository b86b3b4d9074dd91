package io.pcmsim.backend.testing;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Topics;
import io.pcmsim.protocol.Vin;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** A plain MQTT 5 client that publishes hand-built uplink messages at QoS 1 (each call waits for the PUBACK). */
public final class TestPublisher implements AutoCloseable {

    private final Mqtt5BlockingClient client;

    private TestPublisher(Mqtt5BlockingClient client) {
        this.client = client;
    }

    public static TestPublisher connect(String host, int port) {
        Mqtt5BlockingClient c = Mqtt5Client.builder()
                .identifier("test-publisher-" + UUID.randomUUID())
                .serverHost(host)
                .serverPort(port)
                .buildBlocking();
        c.connect();
        return new TestPublisher(c);
    }

    /** Publishes {@code envelope} on the uplink topic of its header VIN and {@code service}. */
    public void publish(Service service, UplinkEnvelope envelope) {
        publish(Topics.uplink(Vin.of(envelope.getHeader().getVin()), service), envelope.toByteArray());
    }

    public void publish(String topic, byte[] payload) {
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send();
    }

    /** Publishes with the retain flag set; an empty {@code payload} clears the topic's retained message. */
    public void publishRetained(String topic, byte[] payload) {
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(true).payload(payload).send();
    }

    /** Publishes without waiting; the future completes with the broker's PUBACK. */
    public CompletableFuture<?> publishAsync(Service service, UplinkEnvelope envelope) {
        return client.toAsync().publishWith()
                .topic(Topics.uplink(Vin.of(envelope.getHeader().getVin()), service))
                .qos(MqttQos.AT_LEAST_ONCE)
                .payload(envelope.toByteArray())
                .send();
    }

    @Override
    public void close() {
        client.disconnect();
    }
}
