package io.pcmsim.vehicle.internal.connection;

import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import io.pcmsim.vehicle.fleet.MqttCredentials;
import io.pcmsim.vehicle.internal.DisconnectedByBroker;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.MqttReturnCode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MqttLink} over MQTT 5 on the Eclipse Paho client ({@code MqttAsyncClient}). An error PUBACK fails
 * the publish with {@link PublishRefusedException}, named like the HiveMQ link names it.
 *
 * <p>Paho's automatic reconnect is off: this link decides every attempt itself, the way {@link Reconnects}
 * does for the HiveMQ client. After a lost connection or a failed attempt it waits the backoff on the
 * fleet's scheduler and a permit of the fleet's connect rate limit, then asks
 * {@link MqttLink.Events#keepConnected()}: no attempt once the car no longer wants one, else a CONNECT with
 * the next Last Will. {@link #disconnect()} calls a pending attempt off at once.
 *
 * <p>Threads: the client is given the fleet's {@code SharedExecutors.pahoExecutor()}, so it starts none of
 * its own; while connected it holds three of that pool's threads (Paho reads and writes with blocking
 * sockets and dispatches callbacks on a loop of its own) and its keep-alive timer runs on the fleet's
 * scheduler. The client is built at the first connect, so a car that never connects costs no client.
 * Persistence is in memory (clean start, nothing to keep across sessions).
 *
 * <p>Paho fails a publish beyond the broker's Receive Maximum at once; such publishes wait here, in order,
 * for an acknowledgement to free a slot, and fail when the connection ends.
 */
final class PahoLink implements MqttLink {

    private static final Logger LOG = LoggerFactory.getLogger(PahoLink.class);
    private static final int QOS_1 = 1;
    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    private enum State { IDLE, ATTEMPTING, CONNECTED, WAITING, DISCONNECTING }

    /** A publish waiting for a slot in the broker's Receive Maximum. */
    private record Waiting(String topic, byte[] payload, boolean retain, CompletableFuture<Void> result) {
    }

    private final LinkConfig config;
    private final Events events;
    private final String serverUri;
    private final Object sendLock = new Object();
    private @Nullable ArrayDeque<Waiting> waiting; // guarded by sendLock; created when first needed
    private volatile @Nullable MqttAsyncClient client;
    // guarded by this
    private State state = State.IDLE;
    private int failedAttempts;
    private long generation;
    private @Nullable ScheduledFuture<?> timer;
    private @Nullable List<CompletableFuture<Void>> idleWaiters;
    private boolean disconnectSent;
    private @Nullable List<Runnable> failingOnLoss;

    PahoLink(LinkConfig config, Events events) {
        this.config = config;
        this.events = events;
        this.serverUri = (config.ssl() != null ? "ssl://" : "tcp://") + hostForUri(config.host()) + ":" + config.port();
    }

    private static String hostForUri(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host; // IPv6 literal
    }

    @Override
    public void connect() {
        synchronized (this) {
            state = State.ATTEMPTING;
            generation++;
        }
        attempt();
    }

    /** One CONNECT with the next Last Will; its outcome arrives on a Paho thread. */
    private void attempt() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS);
        options.setWill(config.willTopic(), new MqttMessage(events.willForNextAttempt(), QOS_1, true, null));
        MqttCredentials credentials = config.credentials();
        if (credentials != null) {
            options.setUserName(credentials.username());
            options.setPassword(credentials.password());
        }
        SSLSocketFactory sockets = config.network().sslSockets();
        if (sockets != null) {
            options.setSocketFactory(sockets); // the broker's name is checked (HTTPS endpoint identification)
        }
        try {
            client().connect(options, null, listener(token -> connected(), this::attemptFailed));
        } catch (MqttException | RuntimeException e) {
            attemptFailed(e);
        }
    }

    private MqttAsyncClient client() throws MqttException {
        MqttAsyncClient existing = client;
        if (existing != null) {
            return existing;
        }
        MqttAsyncClient created = new MqttAsyncClient(serverUri, config.vin().value(), new MemoryPersistence(), null,
                config.network().executors().pahoExecutor());
        created.setCallback(new Callback());
        client = created;
        return created;
    }

    private void connected() {
        synchronized (this) {
            state = State.CONNECTED;
            failedAttempts = 0;
        }
        events.connected(); // when the car no longer wants the connection it disconnects again
    }

    private void attemptFailed(Throwable cause) {
        LOG.debug("{}: connect to {} failed: {}", config.vin(), serverUri, cause.toString());
        int failed;
        synchronized (this) {
            failed = ++failedAttempts;
        }
        events.disconnected(cause);
        reconnectOrIdle(failed);
    }

    private void lost(Throwable cause) {
        synchronized (this) {
            if (state != State.CONNECTED) {
                return; // a disconnect of ours is under way and ends it
            }
        }
        events.disconnected(cause); // first: the car takes its publishes back into its outbox from now on
        failHeldBack();
        failWaiting();
        reconnectOrIdle(0);
    }

    /** After a lost connection or a failed attempt: the next attempt after the backoff, or idle. */
    private void reconnectOrIdle(int failed) {
        long due;
        synchronized (this) {
            if (!events.keepConnected()) {
                becameIdle();
                return;
            }
            state = State.WAITING;
            due = ++generation;
            try {
                timer = config.scheduler().schedule(() -> config.throttle().submit(() -> reconnectDue(due)),
                        Reconnects.backoffNanos(config, failed), TimeUnit.NANOSECONDS);
                return;
            } catch (RejectedExecutionException fleetStopping) {
                timer = null;
            }
        }
        reconnectDue(due); // decides at once
    }

    private void reconnectDue(long due) {
        synchronized (this) {
            if (state != State.WAITING || generation != due) {
                return; // called off
            }
            timer = null;
            if (!events.keepConnected()) {
                becameIdle();
                return;
            }
            state = State.ATTEMPTING;
        }
        attempt();
    }

    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload, boolean retain) {
        Waiting publish = new Waiting(topic, payload, retain, new CompletableFuture<>());
        synchronized (sendLock) {
            if (waiting != null && !waiting.isEmpty() || !send(publish)) {
                queue().add(publish); // behind those already waiting, in order
            }
        }
        return publish.result();
    }

    /** Hands {@code publish} to the client; false when the broker's Receive Maximum is full. Under sendLock. */
    private boolean send(Waiting publish) {
        try {
            MqttAsyncClient now = client;
            if (now == null) {
                throw new MqttException(MqttClientException.REASON_CODE_CLIENT_NOT_CONNECTED);
            }
            now.publish(publish.topic(), new MqttMessage(publish.payload(), QOS_1, publish.retain(), null), null,
                    listener(token -> acknowledged(publish, token), error -> {
                        sendWaiting();
                        failed(publish, error);
                    }));
            return true;
        } catch (MqttException e) {
            if (e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                return false;
            }
            publish.result().completeExceptionally(e);
            return true;
        }
    }

    private void acknowledged(Waiting publish, IMqttToken token) {
        sendWaiting(); // Paho freed the slot before it called us
        int[] codes = token.getReasonCodes();
        int code = codes == null || codes.length == 0 ? MqttReturnCode.RETURN_CODE_SUCCESS : codes[0];
        if (code >= MqttReturnCode.RETURN_CODE_UNSPECIFIED_ERROR) {
            Mqtt5PubAckReasonCode reason = Mqtt5PubAckReasonCode.fromCode(code);
            String name = reason != null ? reason.name() : "0x" + Integer.toHexString(code);
            publish.result().completeExceptionally(new PublishRefusedException(publish.topic(), name,
                    new MqttException(code)));
        } else {
            publish.result().complete(null);
        }
    }

    /**
     * Fails a publish; when its connection is ending, only once the loss was reported: Paho fails the
     * publishes in flight before it reports the loss, and a publish failed earlier would be sent again at
     * once, on the connection that is going.
     */
    private void failed(Waiting publish, Throwable error) {
        MqttAsyncClient now = client;
        synchronized (this) {
            if (state == State.CONNECTED && now != null && !now.isConnected()) {
                if (failingOnLoss == null) {
                    failingOnLoss = new ArrayList<>();
                }
                failingOnLoss.add(() -> publish.result().completeExceptionally(error));
                return;
            }
        }
        publish.result().completeExceptionally(error);
    }

    /** Completes what {@link #failed} held back until the loss was reported. */
    private void failHeldBack() {
        List<Runnable> held;
        synchronized (this) {
            held = failingOnLoss;
            failingOnLoss = null;
        }
        if (held != null) {
            held.forEach(Runnable::run);
        }
    }

    private void sendWaiting() {
        synchronized (sendLock) {
            while (waiting != null && !waiting.isEmpty() && send(waiting.peek())) {
                waiting.poll();
            }
        }
    }

    private ArrayDeque<Waiting> queue() {
        if (waiting == null) {
            waiting = new ArrayDeque<>();
        }
        return waiting;
    }

    /** Fails the publishes still waiting for a slot: the connection they waited for has ended. */
    private void failWaiting() {
        List<Waiting> failed;
        synchronized (sendLock) {
            if (waiting == null || waiting.isEmpty()) {
                return;
            }
            failed = List.copyOf(waiting);
            waiting.clear();
        }
        MqttException ended = new MqttException(MqttClientException.REASON_CODE_CONNECTION_LOST);
        failed.forEach(publish -> publish.result().completeExceptionally(ended));
    }

    @Override
    public CompletableFuture<Void> subscribe(String filter) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        try {
            MqttAsyncClient now = client;
            if (now == null) {
                throw new MqttException(MqttClientException.REASON_CODE_CLIENT_NOT_CONNECTED);
            }
            now.subscribe(filter, QOS_1, null, listener(token -> {
                int[] codes = token.getReasonCodes();
                if (codes != null && codes.length > 0 && codes[0] >= MqttReturnCode.RETURN_CODE_UNSPECIFIED_ERROR) {
                    result.completeExceptionally(new IllegalStateException("the broker refused the subscription to "
                            + filter + ": reason code 0x" + Integer.toHexString(codes[0])));
                } else {
                    result.complete(null);
                }
            }, result::completeExceptionally));
        } catch (MqttException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        MqttAsyncClient now = client;
        boolean send;
        synchronized (this) {
            if (idleWaiters == null) {
                idleWaiters = new ArrayList<>(1);
            }
            idleWaiters.add(done);
            switch (state) {
                case IDLE -> becameIdle();
                case WAITING -> {
                    if (timer != null) {
                        timer.cancel(false);
                        timer = null;
                    }
                    generation++; // a permit still on its way finds the attempt called off
                    becameIdle();
                }
                case CONNECTED -> state = State.DISCONNECTING;
                case ATTEMPTING, DISCONNECTING -> { } // its outcome ends it; see MqttLink#disconnect
            }
            send = state == State.DISCONNECTING && now != null && !disconnectSent;
            disconnectSent |= send;
        }
        if (!send) {
            return done;
        }
        // Paho refuses a disconnect on its callback thread, where a publish acknowledgement may have led here
        Runnable sendDisconnect = () -> disconnect(now);
        try {
            config.network().executors().pahoExecutor().execute(sendDisconnect);
        } catch (RejectedExecutionException fleetStopped) {
            sendDisconnect.run();
        }
        return done;
    }

    private void disconnect(MqttAsyncClient now) {
        try {
            // quiesce 0: like the HiveMQ client, DISCONNECT at once (normal disconnection: no Last Will)
            now.disconnect(0, null, listener(token -> disconnected(), error -> disconnected()),
                    MqttReturnCode.RETURN_CODE_SUCCESS, new MqttProperties());
        } catch (MqttException e) {
            LOG.debug("{}: disconnect: {}", config.vin(), e.toString());
            disconnected(); // already gone
        }
    }

    private void disconnected() {
        events.disconnected(new MqttException(MqttClientException.REASON_CODE_CLIENT_DISCONNECTING));
        failHeldBack();
        failWaiting();
        synchronized (this) {
            becameIdle();
        }
    }

    /** Under this lock: nothing connected, pending or in flight any more. */
    private void becameIdle() {
        state = State.IDLE;
        disconnectSent = false;
        List<CompletableFuture<Void>> waiters = idleWaiters;
        idleWaiters = null;
        if (waiters != null) {
            waiters.forEach(waiter -> waiter.complete(null)); // callers hand their work off
        }
    }

    private static MqttActionListener listener(Consumer<IMqttToken> success, Consumer<Throwable> failure) {
        return new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                success.accept(token);
            }

            @Override
            public void onFailure(IMqttToken token, Throwable error) {
                failure.accept(error);
            }
        };
    }

    /** The client's events: a lost connection and downlinks; on Paho's threads, handed off at once. */
    private final class Callback implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {
            Throwable cause = response.getException();
            if (cause == null) { // the broker sent DISCONNECT
                Mqtt5DisconnectReasonCode code = Mqtt5DisconnectReasonCode.fromCode(response.getReturnCode());
                cause = new DisconnectedByBroker(code != null ? code.name()
                        : "0x" + Integer.toHexString(response.getReturnCode()));
            }
            lost(cause);
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.debug("{}: MQTT error: {}", config.vin(), exception.toString());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            events.downlink(topic, message.getPayload());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // publishes complete through their own listeners
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            // the connect listener reports it
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // no enhanced authentication
        }
    }
}
