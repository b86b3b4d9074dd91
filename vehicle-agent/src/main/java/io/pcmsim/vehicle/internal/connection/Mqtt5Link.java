package io.pcmsim.vehicle.internal.connection;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.lifecycle.Mqtt5ClientDisconnectedContext;
import io.pcmsim.vehicle.fleet.MqttCredentials;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link MqttLink} over MQTT 5. An error PUBACK fails the publish with {@link PublishRefusedException}. */
final class Mqtt5Link implements MqttLink {

    private static final Logger LOG = LoggerFactory.getLogger(Mqtt5Link.class);

    private final Mqtt5AsyncClient client;
    private final LinkConfig config;
    private final Events events;
    private final Reconnects reconnects;
    private final ClientFlows flows = new ClientFlows();

    Mqtt5Link(LinkConfig config, Events events) {
        this.config = config;
        this.events = events;
        this.reconnects = new Reconnects(config, events, (context, will) ->
                        ((Mqtt5ClientDisconnectedContext) context).getReconnector().connectWith()
                                .willPublish().topic(config.willTopic()).qos(MqttQos.AT_LEAST_ONCE).retain(true)
                                .payload(will).applyWillPublish()
                                .applyConnect());
        var builder = MqttLink.clientBuilder(config, events, reconnects).useMqttVersion5();
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
        return flows.track(client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(retain)
                        .payload(payload).send())
                .handle((result, error) -> {
                    Throwable cause = error instanceof CompletionException && error.getCause() != null
                            ? error.getCause() : error;
                    if (cause == null && result.getError().isPresent()) {
                        cause = result.getError().get();
                    }
                    if (cause instanceof Mqtt5PubAckException refusal) {
                        throw new PublishRefusedException(topic,
                                refusal.getMqttMessage().getReasonCode().name(), refusal);
                    }
                    if (cause != null) {
                        throw new CompletionException(cause);
                    }
                    return null;
                });
    }

    @Override
    public CompletableFuture<Void> subscribe(String filter) {
        return flows.track(client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send())
                .thenApply(ack -> null);
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        return reconnects.disconnect(client::disconnect).thenRun(flows::release);
    }
}
