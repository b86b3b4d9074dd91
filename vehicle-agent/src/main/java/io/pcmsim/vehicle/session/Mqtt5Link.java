package io.pcmsim.vehicle.session;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link MqttLink} over MQTT 5. */
final class Mqtt5Link implements MqttLink {

    private static final Logger LOG = LoggerFactory.getLogger(Mqtt5Link.class);

    private final Mqtt5AsyncClient client;
    private final LinkConfig config;

    Mqtt5Link(LinkConfig config, Events events) {
        this.config = config;
        this.client = MqttLink.clientBuilder(config, events)
                .useMqttVersion5()
                .willPublish()
                .topic(config.willTopic())
                .qos(MqttQos.AT_LEAST_ONCE)
                .retain(true)
                .payload(config.willPayload())
                .applyWillPublish()
                .buildAsync();
    }

    @Override
    public void connect() {
        client.connect().whenComplete((ack, error) -> {
            if (error != null) {
                LOG.debug("{}: connect to {}:{} failed, the client retries: {}", config.vin(), config.host(),
                        config.port(), error.toString());
            }
        });
    }

    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload, boolean retain) {
        return client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(retain).payload(payload).send()
                .thenApply(result -> {
                    result.getError().ifPresent(error -> {
                        throw new PublishFailedException(topic, error);
                    });
                    return null;
                });
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        return client.disconnect().handle((ok, error) -> null);
    }
}
