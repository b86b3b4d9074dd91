package io.pcmsim.vehicle.session;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link MqttLink} over MQTT 3.1.1. */
final class Mqtt3Link implements MqttLink {

    private static final Logger LOG = LoggerFactory.getLogger(Mqtt3Link.class);

    private final Mqtt3AsyncClient client;
    private final LinkConfig config;

    Mqtt3Link(LinkConfig config, Events events) {
        this.config = config;
        this.client = MqttLink.clientBuilder(config, events)
                .useMqttVersion3()
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
                .thenApply(published -> null);
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        return client.disconnect().handle((ok, error) -> null);
    }
}
