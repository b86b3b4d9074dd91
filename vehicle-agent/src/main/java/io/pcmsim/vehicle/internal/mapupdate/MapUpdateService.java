package io.pcmsim.vehicle.internal.mapupdate;

import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.proto.v1.MapEntitlement;
import io.pcmsim.proto.v1.MapEntitlementRequest;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.AnonymousMapKey;
import io.pcmsim.protocol.Service;
import io.pcmsim.vehicle.internal.FleetNetwork;
import io.pcmsim.vehicle.internal.service.ServiceChannel;
import io.pcmsim.vehicle.internal.service.SettingsChange;
import io.pcmsim.vehicle.internal.service.VehicleService;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Online map update. At every session start the car asks for its map entitlement on its VIN topic
 * ({@code MapEntitlementRequest} on {@code up/map}); the backend answers on {@code down/map} with an anonymous
 * key or {@code NOT_ENTITLED}. At each vehicle start, with a key, the car runs one {@link MapCheck} on a
 * connection of its own that names neither the VIN nor anything else of the car.
 *
 * <p>Behind the privacy gate like every service: while privacy mode, the group <em>without location</em> or
 * the service switch {@code map} forbids it, the car requests no entitlement and opens no map connection; a
 * block forgets the key and ends a running check, and the end of a block asks for a fresh key.
 */
public final class MapUpdateService implements VehicleService {

    /** How long a map check may take before its connection is closed regardless. */
    public static final Duration CHECK_TIMEOUT = Duration.ofSeconds(60);
    /**
     * How long (real time) the car waits for the answer to its entitlement request before asking again: an
     * answer sent before the broker put the car's downlink subscription in force is lost.
     */
    public static final Duration ENTITLEMENT_RETRY = Duration.ofSeconds(1);
    /** How often the car asks per session at most. */
    public static final int ENTITLEMENT_ATTEMPTS = 3;

    private final ServiceChannel channel;
    private final InstalledMaps maps;
    private final Supplier<MapConnection> connections;
    private final Consumer<Runnable> lane;
    private final ScheduledExecutorService scheduler;
    private final Supplier<Instant> vehicleTime;
    private @Nullable AnonymousMapKey key;
    private @Nullable String pendingRequest;
    private @Nullable MapCheck running;
    private @Nullable ScheduledFuture<?> retry;
    /** Set from any thread when the car begins to stop; read on the lane. */
    private volatile boolean closed;

    /**
     * @param connections opens a new map connection to the broker
     * @param lane runs a task on the car's lane
     * @param scheduler times the check's timeout and the entitlement request's retry
     * @param vehicleTime the car's simulated time, for a retried request
     */
    MapUpdateService(ServiceChannel channel, InstalledMaps maps, Supplier<MapConnection> connections,
            Consumer<Runnable> lane, ScheduledExecutorService scheduler, Supplier<Instant> vehicleTime) {
        this.channel = channel;
        this.maps = maps;
        this.connections = connections;
        this.lane = lane;
        this.scheduler = scheduler;
        this.vehicleTime = vehicleTime;
    }

    /** A service whose map connections go to the fleet's broker, {@code host}:{@code port}. */
    public static MapUpdateService of(ServiceChannel channel, InstalledMaps maps, String host, int port,
            FleetNetwork network, Consumer<Runnable> lane, Supplier<Instant> vehicleTime) {
        return new MapUpdateService(channel, maps, () -> new MapConnection(host, port, network), lane,
                network.executors().scheduler(), vehicleTime);
    }

    @Override
    public Service service() {
        return Service.MAP_UPDATE;
    }

    @Override
    public CompletableFuture<Void> sessionStarted(Instant now) {
        return requestEntitlement(now);
    }

    private CompletableFuture<Void> requestEntitlement(Instant now) {
        return requestEntitlement(now, 1);
    }

    private CompletableFuture<Void> requestEntitlement(Instant now, int attempt) {
        if (closed || !channel.allowed()) {
            return CompletableFuture.completedFuture(null);
        }
        String requestId = UUID.randomUUID().toString();
        pendingRequest = requestId;
        cancelRetry();
        if (attempt < ENTITLEMENT_ATTEMPTS) {
            try {
                retry = scheduler.schedule(() -> lane.accept(() -> {
                    if (!closed && requestId.equals(pendingRequest) && channel.online()) {
                        requestEntitlement(vehicleTime.get(), attempt + 1);
                    }
                }), ENTITLEMENT_RETRY.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopped) {
                // the fleet is stopping: no retry
            }
        }
        return channel.send(UplinkEnvelope.newBuilder()
                .setMapEntitlementRequest(MapEntitlementRequest.newBuilder().setRequestId(requestId)).build(), now);
    }

    /**
     * The entitlement: a key to use, or none.
     *
     * @throws IllegalArgumentException when an {@code ENTITLED} answer carries no valid key
     */
    @Override
    public void downlink(DownlinkEnvelope message, Instant now) {
        if (!message.hasMapEntitlement()) {
            return;
        }
        MapEntitlement entitlement = message.getMapEntitlement();
        if (pendingRequest == null || !pendingRequest.equals(entitlement.getRequestId())) {
            return; // the answer to an older request
        }
        if (!channel.allowed()) {
            return;
        }
        pendingRequest = null;
        cancelRetry();
        switch (entitlement.getResult()) {
            case ENTITLED -> key = new AnonymousMapKey(entitlement.getAnonymousKey());
            case NOT_ENTITLED -> key = null;
            default -> throw new IllegalArgumentException("map entitlement result " + entitlement.getResult()
                    + " is not one of ENTITLED, NOT_ENTITLED");
        }
    }

    @Override
    public CompletableFuture<Void> vehicleStarted(Instant now) {
        AnonymousMapKey current = key;
        if (closed || current == null || !channel.allowed() || (running != null && !running.finished())) {
            return CompletableFuture.completedFuture(null);
        }
        MapCheck check = new MapCheck(current, maps, connections.get(), lane);
        running = check;
        CompletableFuture<Void> done = check.start();
        try {
            ScheduledFuture<?> timeout = scheduler.schedule(() -> lane.accept(check::finish), CHECK_TIMEOUT.toNanos(),
                    TimeUnit.NANOSECONDS);
            done.whenComplete((v, e) -> timeout.cancel(false));
        } catch (RejectedExecutionException stopped) {
            check.finish();
        }
        // the vehicle start does not wait for the map provider: the check goes on in the background
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> settingsChanged(SettingsChange change, Instant now) {
        if (change.blocked().contains(Service.MAP_UPDATE)) {
            key = null;
            pendingRequest = null;
            if (running != null) {
                running.finish();
            }
            return CompletableFuture.completedFuture(null);
        }
        // when the login was blocked too, the fresh session that follows asks for the entitlement
        if (change.unblocked().contains(Service.MAP_UPDATE) && !change.unblocked().contains(Service.LOGIN)
                && channel.online()) {
            return requestEntitlement(now);
        }
        return CompletableFuture.completedFuture(null);
    }

    /**
     * The car stops: no more requests or checks, a running check's connection is closed. Call on the lane.
     *
     * @return completes when the map connection (if any) has let go
     */
    public CompletableFuture<Void> close() {
        closing();
        pendingRequest = null;
        cancelRetry();
        MapCheck check = running;
        if (check == null) {
            return CompletableFuture.completedFuture(null);
        }
        check.finish();
        return check.done();
    }

    /** The car begins to stop: nothing more is sent from now on. Any thread; idempotent. */
    public void closing() {
        closed = true;
    }

    private void cancelRetry() {
        ScheduledFuture<?> pending = retry;
        if (pending != null) {
            pending.cancel(false);
            retry = null;
        }
    }

    /** The anonymous key in use, if entitled. */
    Optional<AnonymousMapKey> key() {
        return Optional.ofNullable(key);
    }
}
