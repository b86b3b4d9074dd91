package io.pcmsim.tools.traffic;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.pcmsim.vehicle.internal.SharedExecutors;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * One MQTT 5 connection per client id (a car's VIN, or {@code map-<key>} for map traffic), opened on
 * the first message of that client and kept until {@link #close}; all of them on two shared Netty
 * threads and one callback thread (no thread per connection). Messages of one client are published in
 * the order they were given, those given while it connects are held and sent once connected.
 *
 * <p>{@link #publish} is called from one thread (the replay loop); completions arrive on the client's
 * callback thread.
 */
final class ReplayConnections implements AutoCloseable {

    private final BrokerOptions broker;
    private final SharedExecutors executors = SharedExecutors.create("replay", 1, 2);
    private final Map<String, Connection> connections = new HashMap<>();

    ReplayConnections(BrokerOptions broker) {
        this.broker = broker;
    }

    /**
     * Publishes on the connection of {@code clientId}, opening it first when needed.
     *
     * @return completes when the broker acknowledged it (QoS 1 and 2) or it was sent (QoS 0); completes
     *     exceptionally with a {@link ReplayFailure} naming the reason (connect refused, error PUBACK,
     *     connection lost)
     */
    CompletableFuture<Void> publish(String clientId, String topic, byte[] payload, int qos, boolean retain) {
        Mqtt5Publish publish = Mqtt5Publish.builder().topic(topic).qos(MqttQos.fromCode(qos)).retain(retain)
                .payload(payload).build();
        return connections.computeIfAbsent(clientId, this::open).send(publish);
    }

    /** Connections opened so far. */
    int opened() {
        return connections.size();
    }

    private Connection open(String clientId) {
        Mqtt5AsyncClient client = broker.client(clientId, executors.clientExecutorConfig()).buildAsync();
        Connection connection = new Connection(client);
        client.connectWith().cleanStart(true).sessionExpiryInterval(0).send()
                .whenComplete((ack, error) -> connection.connected(error));
        return connection;
    }

    /** Disconnects every connection (waiting at most {@code timeout}) and stops the shared threads. */
    void close(Duration timeout) {
        List<CompletableFuture<Void>> disconnects = new ArrayList<>();
        for (Connection connection : connections.values()) {
            disconnects.add(connection.client.disconnect().exceptionally(e -> null));
        }
        try {
            CompletableFuture.allOf(disconnects.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // closing anyway: what was not acknowledged by now is reported as such
        }
        executors.shutdown(Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    /** Why a message could not be replayed, as a short reason for the report. */
    static final class ReplayFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReplayFailure(String reason) {
            super(reason, null, false, false);
        }
    }

    static String reason(Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (e instanceof ReplayFailure) {
            return e.getMessage();
        }
        if (e instanceof Mqtt5PubAckException pubAck) {
            return "refused: " + pubAck.getMqttMessage().getReasonCode();
        }
        if (e instanceof Mqtt5ConnAckException connAck) {
            return "connect refused: " + connAck.getMqttMessage().getReasonCode();
        }
        String message = e.getMessage() == null ? "" : ": " + e.getMessage();
        return e.getClass().getSimpleName() + (message.length() > 120 ? message.substring(0, 120) + "..." : message);
    }

    /** One client: holds messages while it connects. Guarded by its own monitor. */
    private static final class Connection {
        final Mqtt5AsyncClient client;
        private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
        private boolean connected;
        private String failure = "";

        Connection(Mqtt5AsyncClient client) {
            this.client = client;
        }

        synchronized CompletableFuture<Void> send(Mqtt5Publish publish) {
            if (!failure.isEmpty()) {
                return CompletableFuture.failedFuture(new ReplayFailure(failure));
            }
            if (!connected) {
                Pending pending = new Pending(publish, new CompletableFuture<>());
                waiting.add(pending);
                return pending.done;
            }
            return client.publish(publish).thenAccept(result -> result.getError().ifPresent(e -> {
                throw new ReplayFailure(reason(e));
            }));
        }

        synchronized void connected(Throwable error) {
            if (error != null) {
                failure = reason(error);
                waiting.forEach(p -> p.done.completeExceptionally(new ReplayFailure(failure)));
            } else {
                connected = true;
                waiting.forEach(p -> send(p.publish).whenComplete((v, e) -> {
                    if (e != null) {
                        p.done.completeExceptionally(e);
                    } else {
                        p.done.complete(null);
                    }
                }));
            }
            waiting.clear();
        }
    }

    private record Pending(Mqtt5Publish publish, CompletableFuture<Void> done) {
    }
}
