package io.pcmsim.vehicle.internal.connection;

import io.reactivex.Single;
import io.reactivex.disposables.Disposable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The flows of one MQTT client that hold its Netty event loop besides the connection: the downlink flow
 * and every publish or subscribe not yet answered. The client ends them only when a session ends, so a
 * publish handed over while a reconnect was pending, and the downlink flow once any reconnect happened,
 * keep the event loop (and the fleet's Netty thread) forever when that reconnect is called off. Once the
 * client is idle the link {@link #release()}s them. Thread-safe.
 */
final class ClientFlows {

    private final Set<CompletableFuture<?>> outstanding = ConcurrentHashMap.newKeySet();
    private volatile @Nullable Disposable downlinks;

    /** Subscribes the downlink flow unless it is subscribed; call before each connect. */
    synchronized void ensureDownlinks(Supplier<Disposable> subscribe) {
        Disposable flow = downlinks;
        if (flow == null || flow.isDisposed()) { // ended by the client when a session ended
            downlinks = subscribe.get();
        }
    }

    /**
     * Subscribes {@code request} (of the client's reactive API) and remembers it until it completes; the
     * way for MQTT 3.1.1, whose async API hands out futures that do not pass a cancel on to the client.
     */
    <T> CompletableFuture<T> track(Single<T> request) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Disposable subscription = request.subscribe(result::complete, result::completeExceptionally);
        result.whenComplete((ok, error) -> {
            if (result.isCancelled()) {
                subscription.dispose(); // releases what the client holds for it
            }
        });
        return track(result);
    }

    /** Remembers {@code request} (a future of the client's MQTT 5 async API) until it completes. */
    <T> CompletableFuture<T> track(CompletableFuture<T> request) {
        outstanding.add(request);
        request.whenComplete((result, error) -> outstanding.remove(request));
        return request;
    }

    /** Ends the downlink flow and cancels what is outstanding (it fails); call when the client is idle. */
    void release() {
        Disposable flow;
        synchronized (this) {
            flow = downlinks;
            downlinks = null;
        }
        if (flow != null) {
            flow.dispose();
        }
        List.copyOf(outstanding).forEach(request -> request.cancel(false));
    }
}
