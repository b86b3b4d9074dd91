package io.pcmsim.vehicle.internal.connection;

import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttClientReconnector;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import java.util.ArrayList;
import java.util.List;
import com.hivemq.client.mqtt.exceptions.MqttClientStateException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.IntConsumer;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One link's reconnects, decided at attempt time (the client's own automatic reconnect decides when the
 * connection drops and cannot be called off later: a {@code disconnect()} while it is pending fails and
 * the attempt still happens). After a lost connection or a failed attempt the disconnected listener asks
 * the client to reconnect when our own future completes ({@code reconnectWhen}, client delay 0); the
 * fleet's shared scheduler completes it after the backoff (initial delay doubling per failed attempt up
 * to the maximum, plus up to a quarter of jitter) and a permit of the fleet's connect rate limit. Its callback runs on the client's event loop just
 * before the attempt: it calls the attempt off when {@link MqttLink.Events#keepConnected()} turned false
 * meanwhile, else it puts the next Last Will into the CONNECT. {@link #disconnect} completes that future
 * at once, so a pending attempt is called off without waiting for the backoff, and completes only when
 * the client is idle: no connection, no attempt in flight, none pending.
 */
final class Reconnects {

    private final LinkConfig config;
    private final MqttLink.Events events;
    private final BiConsumer<MqttClientDisconnectedContext, byte[]> rearmWill;
    private final List<CompletableFuture<Void>> idleWaiters = new ArrayList<>();
    private @Nullable CompletableFuture<Void> due;
    private @Nullable ScheduledFuture<?> timer;
    private boolean idle = true;

    /**
     * @param rearmWill puts a Last Will payload into the CONNECT of the context's next attempt; called on
     *     the client's event loop
     */
    Reconnects(LinkConfig config, MqttLink.Events events, BiConsumer<MqttClientDisconnectedContext, byte[]> rearmWill) {
        this.config = config;
        this.events = events;
        this.rearmWill = rearmWill;
    }

    /** How often a first CONNECT refused because the client is still busy is tried again (every 50 ms). */
    static final int BUSY_RETRIES = 100;

    /**
     * A first CONNECT the client refused because it has not finished the previous disconnect (its
     * disconnect future completes before its disconnected listener has run, so a connect right after a
     * completed {@link #disconnect} can meet it): tried again after 50 ms, at most {@code retriesLeft}
     * times, while the link should be connected. Other errors are the client's to retry.
     */
    void retryWhenBusy(Throwable error, int retriesLeft, IntConsumer connect) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (!(cause instanceof MqttClientStateException) || retriesLeft <= 0 || !events.keepConnected()) {
            return;
        }
        try {
            config.scheduler().schedule(() -> {
                if (events.keepConnected()) {
                    connect.accept(retriesLeft - 1);
                }
            }, 50, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException fleetStopping) {
            // the fleet is stopping: no more attempts
        }
    }

    /** The link is about to send a first CONNECT; call before {@code connectWith().send()}. */
    synchronized void connecting() {
        idle = false;
    }

    /** The client's disconnected listener: on its event loop, after a lost connection or failed attempt. */
    void onDisconnected(MqttClientDisconnectedContext context) {
        MqttClientReconnector reconnector = context.getReconnector();
        if (context.getSource() == MqttDisconnectSource.USER || !events.keepConnected()) {
            reconnector.reconnect(false);
            becameIdle();
            return;
        }
        CompletableFuture<Void> attemptDue = new CompletableFuture<>();
        synchronized (this) {
            due = attemptDue;
            try {
                // after the backoff, the attempt waits for a permit of the fleet's connect rate limit
                timer = config.scheduler().schedule(() -> config.throttle().submit(() -> attemptDue.complete(null)),
                        backoffNanos(config, reconnector.getAttempts()), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException fleetStopping) {
                timer = null;
                attemptDue.complete(null); // the callback decides at once
            }
        }
        reconnector.delay(0, TimeUnit.MILLISECONDS).reconnectWhen(attemptDue, (ok, error) -> {
            // on the event loop, just before the attempt would be made
            synchronized (this) {
                if (due == attemptDue) {
                    due = null;
                    timer = null;
                }
            }
            if (events.keepConnected()) {
                rearmWill.accept(context, events.willForNextAttempt());
            } else {
                reconnector.reconnect(false);
                becameIdle();
            }
        });
    }

    /**
     * Disconnects through {@code clientDisconnect} and calls off a pending reconnect; call only once
     * {@link MqttLink.Events#keepConnected()} returns false. Completes when the client is idle.
     */
    CompletableFuture<Void> disconnect(Supplier<CompletableFuture<Void>> clientDisconnect) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        synchronized (this) {
            idleWaiters.add(done);
        }
        clientDisconnect.get().whenComplete((ok, error) -> {
            if (error == null) {
                becameIdle();
                return;
            }
            // "not connected": idle already, a reconnect pending, or a connect attempt in flight
            CompletableFuture<Void> pending;
            boolean alreadyIdle;
            synchronized (this) {
                pending = due;
                alreadyIdle = idle;
                if (timer != null) {
                    timer.cancel(false);
                    timer = null;
                }
            }
            if (pending != null) {
                pending.complete(null); // its callback calls the attempt off and reports idle
            } else if (alreadyIdle) {
                becameIdle();
            }
            // else an attempt is in flight: its connected (then disconnected) or disconnected event ends it
        });
        return done;
    }

    private void becameIdle() {
        List<CompletableFuture<Void>> waiting;
        synchronized (this) {
            idle = true;
            waiting = List.copyOf(idleWaiters);
            idleWaiters.clear();
        }
        waiting.forEach(waiter -> waiter.complete(null));
    }

    /**
     * The wait before the next attempt after {@code failedAttempts} failed ones (0 after a lost
     * connection): the initial delay doubled per failed attempt up to the maximum, plus up to a quarter of
     * jitter.
     */
    static long backoffNanos(LinkConfig config, int failedAttempts) {
        long initial = config.reconnectInitialDelay().toNanos();
        long max = config.reconnectMaxDelay().toNanos();
        long delay = failedAttempts >= 30 ? max : Math.min(initial << failedAttempts, max);
        return delay + (long) (delay / 4d * ThreadLocalRandom.current().nextDouble());
    }
}
