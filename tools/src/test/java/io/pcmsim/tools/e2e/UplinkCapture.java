package io.pcmsim.tools.e2e;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Topics;
import io.pcmsim.protocol.UplinkCodec;
import io.pcmsim.protocol.Vin;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * A plain subscriber on every uplink topic that records what a broker delivered, decoded, in arrival
 * order. Only messages of the VINs it is told to watch are kept, so a shared broker's other traffic
 * does not disturb a test.
 */
final class UplinkCapture implements AutoCloseable {

    /** One delivered uplink message. */
    record Captured(String topic, byte[] payload, UplinkEnvelope envelope) {
        Vin vin() {
            return Vin.of(envelope.getHeader().getVin());
        }

        long bootId() {
            return envelope.getHeader().getBootId();
        }

        long sequence() {
            return envelope.getHeader().getSequence();
        }
    }

    private final Mqtt5AsyncClient client;
    private final Set<String> vins;
    private final ConcurrentLinkedQueue<Captured> messages = new ConcurrentLinkedQueue<>();

    private UplinkCapture(Mqtt5AsyncClient client, Set<String> vins) {
        this.client = client;
        this.vins = vins;
    }

    static UplinkCapture start(String host, int port, Set<Vin> watched) throws Exception {
        return start(host, port, watched, false);
    }

    /**
     * @param persistent keep the session on the broker (clean start off, an hour's expiry) and reconnect
     *     when the connection is lost, so that a broker restart that keeps its sessions loses nothing
     */
    static UplinkCapture start(String host, int port, Set<Vin> watched, boolean persistent) throws Exception {
        var builder = Mqtt5Client.builder()
                .identifier("it-capture-" + UUID.randomUUID())
                .serverHost(host)
                .serverPort(port);
        if (persistent) {
            builder = builder.automaticReconnectWithDefaultConfig();
        }
        Mqtt5AsyncClient client = builder.buildAsync();
        UplinkCapture capture = new UplinkCapture(client,
                Set.copyOf(watched.stream().map(Vin::value).toList()));
        client.connectWith().cleanStart(!persistent).sessionExpiryInterval(persistent ? 3600 : 0).send()
                .get(10, TimeUnit.SECONDS);
        client.subscribeWith()
                .topicFilter(Topics.UPLINK_FILTER)
                .qos(MqttQos.AT_LEAST_ONCE)
                .callback(publish -> capture.record(publish.getTopic().toString(), publish.getPayloadAsBytes()))
                .send()
                .get(10, TimeUnit.SECONDS);
        return capture;
    }

    private void record(String topic, byte[] payload) {
        Topics.parseUplink(topic).filter(t -> vins.contains(t.vinText())).ifPresent(t ->
                messages.add(new Captured(topic, payload, UplinkCodec.parse(payload))));
    }

    List<Captured> all() {
        return List.copyOf(messages);
    }

    List<Captured> of(Vin vin) {
        return messages.stream().filter(c -> c.vin().equals(vin)).toList();
    }

    /** Distinct (boot id, sequence) pairs received for {@code vin}. */
    long distinct(Vin vin) {
        return of(vin).stream().map(c -> c.bootId() + "/" + c.sequence()).distinct().count();
    }

    /** The newest message of {@code vin} that carries a vehicle state (a Smart Service report). */
    Optional<Captured> newestState(Vin vin) {
        return of(vin).stream()
                .filter(c -> c.envelope().hasSmartService() && c.envelope().getSmartService().hasState())
                // newest by the car's clock, ties by key: as the backend decides it
                .max(Comparator.<Captured>comparingLong(c -> c.envelope().getHeader().getVehicleTimeMs())
                        .thenComparingLong(Captured::bootId).thenComparingLong(Captured::sequence));
    }

    @Override
    public void close() {
        client.disconnect();
    }
}
