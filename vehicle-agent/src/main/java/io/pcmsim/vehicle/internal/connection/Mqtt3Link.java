package io.pcmsim.vehicle.internal.connection;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.lifecycle.Mqtt3ClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import io.reactivex.Flowable;
import io.pcmsim.vehicle.fleet.MqttCredentials;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
    private final Reconnects reconnects;
    private final ClientFlows flows = new ClientFlows();

    Mqtt3Link(LinkConfig config, Events events) {
        this.config = config;
        this.events = events;
        this.reconnects = new Reconnects(config, events, (context, will) ->
                        ((Mqtt3ClientDisconnectedContext) context).getReconnector().connectWith()
                                .willPublish().topic(config.willTopic()).qos(MqttQos.AT_LEAST_ONCE).retain(true)
                                .payload(will).applyWillPublish()
                                .applyConnect());
        var builder = MqttLink.clientBuilder(config, events, reconnects).useMqttVersion3();
        MqttCredentials credentials = config.credentials();
        if (credentials != null) { // client-wide: the first CONNECT and every reconnect carry them
            builder.simpleAuth().username(credentials.username()).password(credentials.password()).applySimpleAuth();
        }
        this.client = builder.buildAsync();
    }

    @Override
    public void connect() {
        connect(Reconnects.BUSY_RETRIES);
    }

    private void connect(int busyRetries) {
        reconnects.connecting();
        flows.ensureDownlinks(() -> client.toRx().publishes(MqttGlobalPublishFilter.SUBSCRIBED).subscribe(
                publish -> events.downlink(publish.getTopic().toString(), publish.getPayloadAsBytes()),
                error -> LOG.debug("{}: downlink flow ended: {}", config.vin(), error.toString())));
        client.connectWith()
                .willPublish().topic(config.willTopic()).qos(MqttQos.AT_LEAST_ONCE).retain(true)
                .payload(events.willForNextAttempt()).applyWillPublish()
                .send()
                .whenComplete((ack, error) -> {
                    if (error != null) {
                        LOG.debug("{}: connect to {}:{} failed, the client retries: {}", config.vin(),
                                config.host(), config.port(), error.toString());
                        reconnects.retryWhenBusy(error, busyRetries, this::connect);
                    }
                });
    }

    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload, boolean retain) {
        Mqtt3Publish publish = Mqtt3Publish.builder().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(retain)
                .payload(payload).build();
        return flows.track(client.toRx().publish(Flowable.just(publish)).singleOrError()).thenApply(result -> {
            if (result.getError().isPresent()) {
                throw new CompletionException(result.getError().get());
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> subscribe(String filter) {
        return flows.track(client.toRx().subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE)
                .applySubscribe()).thenApply(ack -> null);
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        return reconnects.disconnect(client::disconnect).thenRun(flows::release);
    }
}
