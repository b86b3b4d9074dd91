package io.pcmsim.backend.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAck;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import io.pcmsim.protocol.MapIdentities;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The embedded broker's built-in topic policy, seen by real clients. */
class MapTopicPolicyIT {

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();

    private static final String VIN = "WP0ZZZ99ZTS392124";
    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private final List<Mqtt5AsyncClient> clients = new ArrayList<>();

    @AfterEach
    void disconnect() {
        clients.forEach(c -> c.disconnect());
    }

    private Mqtt5AsyncClient connect(String clientId) throws Exception {
        Mqtt5AsyncClient client = MqttClient.builder().identifier(clientId).serverHost(BROKER.host())
                .serverPort(BROKER.port()).useMqttVersion5().buildAsync();
        client.connect().get(10, TimeUnit.SECONDS);
        clients.add(client);
        return client;
    }

    private static Mqtt5SubAckReasonCode subscribe(Mqtt5AsyncClient client, String filter) throws Exception {
        try {
            Mqtt5SubAck ack = client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).callback(p -> { })
                    .send().get(10, TimeUnit.SECONDS);
            return ack.getReasonCodes().get(0);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException refused) {
                return refused.getMqttMessage().getReasonCodes().get(0);
            }
            throw e;
        }
    }

    @Test
    @Timeout(60)
    void mapProviderIdentity_cannotReadVehicleTopics() throws Exception {
        Mqtt5AsyncClient impostor = connect(MapIdentities.PROVIDER + "-impostor");
        assertThat(subscribe(impostor, "pcm/v1/#")).isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
        assertThat(subscribe(impostor, "#")).isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
        assertThat(subscribe(impostor, "maps/v1/+/query")).isEqualTo(Mqtt5SubAckReasonCode.GRANTED_QOS_1);
    }

    @Test
    @Timeout(60)
    void vinConnection_cannotSubscribeOrPublishMaps() throws Exception {
        Mqtt5AsyncClient car = connect(VIN);
        assertThat(subscribe(car, "maps/#")).isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
        assertThat(subscribe(car, "pcm/v1/vehicles/" + VIN + "/down/#")).isEqualTo(Mqtt5SubAckReasonCode.GRANTED_QOS_1);
        assertThatThrownBy(() -> car.publishWith().topic("maps/v1/" + KEY + "/query").qos(MqttQos.AT_LEAST_ONCE)
                .payload("x".getBytes(StandardCharsets.UTF_8)).send().get(10, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(Mqtt5PubAckException.class, refused -> assertThat(
                        refused.getMqttMessage().getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED));
    }

    @Test
    @Timeout(60)
    void carMapConnection_reachesOnlyItsKeysTopics() throws Exception {
        Mqtt5AsyncClient map = connect(MapIdentities.newCarMapClientId());
        assertThat(subscribe(map, "maps/v1/" + KEY + "/answer")).isEqualTo(Mqtt5SubAckReasonCode.GRANTED_QOS_1);
        assertThat(subscribe(map, "maps/v1/+/answer")).isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
        assertThat(subscribe(map, "pcm/v1/#")).isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
    }
}
