package io.pcmsim.backend.internal.ingest;

import com.hivemq.client.mqtt.MqttClientState;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import io.reactivex.disposables.Disposable;
import io.reactivex.schedulers.Schedulers;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backend's MQTT session: a persistent MQTT 5 session (clean start off, session expiry) with a
 * shared QoS 1 subscription on every uplink topic, acknowledging each message only when the writer
 * says so; downlinks leave through {@link #publish}. The subscription keeps the publisher's retain flag
 * (retain as published), so an uplink a car published as retained is seen, and rejected, as such.
 *
 * <p>Why the HiveMQ client and not Paho (which DESIGN.md names first): its manual acknowledgement
 * ({@code toRx().publishes(filter, true)} + {@code Mqtt5Publish.acknowledge()}) lets the PUBACK
 * wait until the row is committed, with no thread of its own per client; Paho holds 3+ threads per
 * client and its manual-ack model is clumsier. The client's receive maximum bounds the unacknowledged
 * messages in flight, so the queue (twice that size) cannot overflow.
 *
 * <p>The callback runs on one of the client's threads (owned by this source): it decodes and validates the
 * message there, so that this happens while the writer stores the batch before, and enqueues it.
 */
public final class MqttUplinkSource implements UplinkSource {

    private static final Logger LOG = LoggerFactory.getLogger(MqttUplinkSource.class);
    /** How long the broker keeps the session, and its unacknowledged messages, while the backend is away. */
    public static final Duration SESSION_EXPIRY = Duration.ofDays(1);

    private final ExecutorService threads;
    private volatile @Nullable Disposable inbound;
    private final Mqtt5AsyncClient client;
    private final String filter;
    private final int receiveMaximum;
    private final InboundQueue queue;
    private final IngestCounters counters;
    private final UplinkValidator validator;
    private final Clock clock;
    private volatile boolean consuming;
    private volatile boolean connectedOnce;
    private volatile boolean stopping;

    public MqttUplinkSource(String host, int port, String clientId, String filter, int receiveMaximum,
                            InboundQueue queue, IngestCounters counters, UplinkValidator validator,
                            Clock clock) {
        this.filter = filter;
        this.receiveMaximum = receiveMaximum;
        this.queue = queue;
        this.counters = counters;
        this.validator = validator;
        this.clock = clock;
        // the client's Netty event loop and scheduler run on threads this source owns and ends on disconnect,
        // instead of the library's shared (non-daemon) ones that outlive the backend
        AtomicInteger threadCount = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "pcmsim-backend-mqtt-" + threadCount.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.client = Mqtt5Client.builder()
                .identifier(clientId)
                .executorConfig()
                    .nettyExecutor(threads)
                    .nettyThreads(1)
                    .applicationScheduler(Schedulers.from(threads))
                    .applyExecutorConfig()
                .serverHost(host)
                .serverPort(port)
                .addConnectedListener(context -> {
                    if (connectedOnce && !stopping) {
                        resubscribe();
                    }
                })
                .addDisconnectedListener(context -> {
                    // reconnect only a session that was up once: a failed first connect fails start()
                    if (connectedOnce && !stopping) {
                        LOG.warn("backend lost its broker connection ({}); reconnecting",
                                context.getCause().getMessage());
                        context.getReconnector().reconnect(true).delay(1, TimeUnit.SECONDS);
                    }
                })
                .buildAsync();
    }

    /** Connects (resuming the session) and subscribes; completes when the SUBACK grants QoS 1. */
    @Override
    public CompletableFuture<Void> start() {
        consuming = true;
        // registered before connecting: a resumed session delivers its pending messages right after CONNACK
        inbound = client.toRx().publishes(MqttGlobalPublishFilter.ALL, true)
                .subscribe(this::onPublish, e -> LOG.debug("inbound publish flow ended: {}", e.getMessage()));
        return client.connectWith()
                .cleanStart(false)
                .sessionExpiryInterval(SESSION_EXPIRY.toSeconds())
                .restrictions().receiveMaximum(receiveMaximum).applyRestrictions()
                .send()
                .exceptionally(e -> {
                    Throwable cause = e instanceof CompletionException && e.getCause() != null
                            ? e.getCause() : e;
                    throw new IllegalStateException("backend cannot connect to the MQTT broker at "
                            + client.getConfig().getServerAddress() + ": " + cause.getMessage(), cause);
                })
                .thenCompose(connAck -> {
                    connectedOnce = true;
                    LOG.info("backend connected to {} (session present: {})",
                            client.getConfig().getServerAddress(), connAck.isSessionPresent());
                    return client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).retainAsPublished(true).send();
                })
                .thenAccept(subAck -> {
                    Mqtt5SubAckReasonCode code = subAck.getReasonCodes().get(0);
                    if (code.isError()) {
                        throw new IllegalStateException("broker refused the subscription to " + filter + ": " + code);
                    }
                    LOG.info("backend subscribed to {} ({})", filter, code);
                });
    }

    private void onPublish(Mqtt5Publish publish) {
        if (!consuming) {
            return; // left unacknowledged: the broker redelivers it to the next session
        }
        counters.received();
        InboundMessage m = new InboundMessage(publish.getTopic().toString(), publish.getPayloadAsBytes(),
                clock.instant(), publish.isRetain(), publish::acknowledge).validatedBy(validator);
        if (!queue.offer(m)) {
            LOG.error("inbound queue full ({} messages) despite receive maximum {}; message on {} stays"
                    + " unacknowledged until the next session", queue.size(), receiveMaximum, m.topic());
        }
    }

    /**
     * Publishes on the backend's session (QoS 1, not retained): the way downlinks leave the backend.
     *
     * @return completes when the broker acknowledged; exceptionally when it refused or is not connected
     */
    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload) {
        if (!connectedOnce || stopping) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "the backend's MQTT session is not connected; cannot publish to " + topic));
        }
        return client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send()
                .thenAccept(result -> {
                    if (result.getError().isPresent()) {
                        throw new IllegalStateException("the broker refused the publish to " + topic + ": "
                                + result.getError().get().getMessage(), result.getError().get());
                    }
                });
    }

    /** Stops taking new messages; those arriving later stay unacknowledged for the next session. */
    @Override
    public void stopConsuming() {
        consuming = false;
    }

    /** Disconnects, keeping the session on the broker, and ends the client's threads; idempotent. */
    @Override
    public CompletableFuture<Void> disconnect() {
        stopping = true;
        consuming = false;
        CompletableFuture<Void> disconnected = client.getState() == MqttClientState.DISCONNECTED
                ? CompletableFuture.completedFuture(null)
                : client.disconnect().exceptionally(e -> {
                    LOG.debug("disconnect: {}", e.getMessage());
                    return null;
                });
        // shut down from a thread of our own: this future may complete on one of the pool's threads
        return disconnected.thenRunAsync(() -> {
            Disposable flow = inbound;
            if (flow != null) {
                flow.dispose(); // the global publish flow holds the client's event loop until cancelled
            }
            threads.shutdown();
        }, r -> {
            Thread t = new Thread(r, "pcmsim-backend-mqtt-shutdown");
            t.setDaemon(true);
            t.start();
        });
    }

    /**
     * Subscribes again after a reconnect. The client does so by itself only when the broker lost the
     * session; a broker may restore a session without its shared subscriptions (Mosquitto 2.0 does after
     * a restart), and subscribing again to an existing subscription changes nothing.
     */
    private void resubscribe() {
        client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).retainAsPublished(true).send().whenComplete((ack, e) -> {
            if (e != null) {
                LOG.warn("backend could not subscribe to {} again after reconnecting: {}", filter, e.toString());
            } else {
                LOG.info("backend subscribed to {} again after reconnecting ({})", filter, ack.getReasonCodes());
            }
        });
    }
}
