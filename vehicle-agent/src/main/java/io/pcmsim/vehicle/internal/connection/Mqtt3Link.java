package io.pcmsim.vehicle.internal.connection;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.lifecycle.Mqtt3ClientDisconnectedContext;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MqttLink} over MQTT 3.1.1. The protocol has no negative acknowledgement: a broker refuses a
 * publish by closing the connection, which the uplink channel sees as a loss (and bounds).
 */
final class Mqtt3Link implements MqttLink {

    private static final Logger LOG = LoggerFactory.getLogger(Mqtt3Link.class);

    private final Mqtt3AsyncClient client;
    private final LinkConfig config;
    private final Events events;

    Mqtt3Link(LinkConfig config, Events events) {
        this.config = config;
        this.events = events;
        this.client = MqttLink.clientBuilder(config, events, (context, will) ->
                        ((Mqtt3ClientDisconnectedContext) context).getReconnector().connectWith()
                                .willPublish().topic(config.willTopic()).qos(MqttQos.AT_LEAST_ONCE).retain(true)
                                .payload(will).applyWillPublish()
                                .applyConnect())
                .useMqttVersion3()
                .buildAsync();
        client.publishes(MqttGlobalPublishFilter.SUBSCRIBED,
                publish -> events.downlink(publish.getTopic().toString(), publish.getPayloadAsBytes()));
    }

    @Override
    public void connect() {
        client.connectWith()
                .willPublish().topic(config.willTopic()).qos(MqttQos.AT_LEAST_ONCE).retain(true)
                .payload(events.willForNextAttempt()).applyWillPublish()
                .send()
                .whenComplete((ack, error) -> {
                    if (error != null) {
                        LOG.debug("{}: connect to {}:{} failed, the client retries: {}", config.vin(),
                                config.host(), config.port(), error.toString());
                    }
                });
    }

    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload, boolean retain) {
        return client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(retain).payload(payload).send()
                .thenApply(published -> null);
    }

    @Override
    public CompletableFuture<Void> subscribe(String filter) {
        return client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send().thenApply(ack -> null);
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        return client.disconnect().handle((ok, error) -> null);
    }
}
