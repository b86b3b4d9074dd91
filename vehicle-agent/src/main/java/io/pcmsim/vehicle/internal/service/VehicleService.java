package io.pcmsim.vehicle.internal.service;

import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.protocol.Service;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * One service of the car (or the session), as a unit: it reacts to the session starting, to simulated
 * time, to downlinks on its level and to settings changes, and sends only through the
 * {@link ServiceChannel} it was given. Every method is called on the
 * vehicle's lane, after the vehicle model was advanced to {@code now}. Adding a service means adding a
 * package with its implementation and registering it in {@code VehicleAgent}.
 */
public interface VehicleService {

    /** The service whose uplink topic it sends on and whose downlink level it receives. */
    Service service();

    /**
     * A session started: a new boot, or a fresh login within the boot (settings let the login through
     * again, rebirth request). The session's own service sends the login here; the others follow it.
     *
     * @return settles when what it sent was acknowledged or failed; complete when it sent nothing
     */
    default CompletableFuture<Void> sessionStarted(Instant now) {
        return CompletableFuture.completedFuture(null);
    }

    /** Simulated time advanced to {@code now} (every sample interval). */
    default void tick(Instant now) {
    }

    /**
     * A downlink on this service's level arrived.
     *
     * @throws IllegalArgumentException naming the bad value when its content cannot be used; the car
     *     counts it as malformed and drops it
     */
    default void downlink(DownlinkEnvelope message, Instant now) {
    }

    /**
     * New settings are in force.
     *
     * @return settles when what it sent in reaction was acknowledged or failed
     */
    default CompletableFuture<Void> settingsChanged(SettingsChange change, Instant now) {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * A vehicle start (ignition on). A later issue's driving and fault model adds more such car events
     * next to it.
     *
     * @return settles when what it sent in reaction was acknowledged or failed
     */
    default CompletableFuture<Void> vehicleStarted(Instant now) {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * The service was asked to send its data now, outside its schedule; a service without such data
     * ignores it.
     *
     * @return settles when what it sent was acknowledged or failed
     */
    default CompletableFuture<Void> reportRequested(Instant now) {
        return CompletableFuture.completedFuture(null);
    }
}
