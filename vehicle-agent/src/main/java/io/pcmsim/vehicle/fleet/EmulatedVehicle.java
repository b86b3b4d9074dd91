package io.pcmsim.vehicle.fleet;

import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.ServiceGroup;
import io.pcmsim.protocol.VehicleSnapshot;
import io.pcmsim.protocol.Vin;
import io.pcmsim.vehicle.model.VehicleProfile;
import io.pcmsim.vehicle.privacy.DriverSettings;
import java.util.concurrent.CompletableFuture;

/**
 * One emulated car of a {@link Fleet}. All methods may be called from any thread and never block; setting
 * changes run on the vehicle's lane in the order they were called.
 *
 * <p>Setting futures: a change that blocks a service completes when the gate is shut and every message
 * that passed the gate before has been acknowledged by the broker (PUBACK) or has failed; buffered,
 * unsent messages of blocked services are discarded. A change that blocks every service (privacy mode,
 * total shutdown) makes the car silent: after that settling it disconnects cleanly (no Last Will, no
 * offline presence) and does not reconnect; the future completes once it has disconnected. A change that
 * lets a service through again after silence connects under a new boot and logs in; a change that lets
 * the login through again while online sends a fresh login in the same boot. Either way the future
 * completes when the broker acknowledged that login or its publish failed (while the broker cannot be
 * reached, not before the car has connected). Futures fail with {@link IllegalStateException} once the
 * fleet has stopped.
 */
public interface EmulatedVehicle {

    Vin vin();

    /** Whether the MQTT connection is up and the car has started its current boot; false while silent. */
    boolean online();

    /** Boot id of the current (or last) connection; 0 before the first connect. */
    long bootId();

    /** The settings in force. */
    DriverSettings settings();

    /** State at the last evaluation (every sample interval of simulated time). */
    VehicleSnapshot snapshot();

    /** Build and usage parameters of this car. */
    VehicleProfile profile();

    /** Switches privacy mode; see the class comment for when the future completes. */
    CompletableFuture<Void> setPrivacyMode(boolean on);

    /** Switches a service group on or off. */
    CompletableFuture<Void> setServiceGroup(ServiceGroup group, boolean enabled);

    /** Switches one service on or off. */
    CompletableFuture<Void> setServiceEnabled(Service service, boolean enabled);

    /** Switches every service off (total shutdown) or back to the individual settings. */
    CompletableFuture<Void> setTotalShutdown(boolean on);

    /**
     * What this car sent and received, newest messages kept up to the fleet's
     * {@link FleetConfig#historyCapacity()}.
     *
     * @throws IllegalStateException when the fleet keeps no history (capacity 0, the default)
     */
    MessageHistory history();

    /**
     * Sends a Smart Service report of the car's state now, outside its schedule (trigger {@code PERIODIC}),
     * as the car would: held back when the settings do not let Smart Service transmit, buffered while offline.
     *
     * @return completes when the broker acknowledged the report or its publish failed, or at once when it was
     *     held back or buffered; fails with {@link IllegalStateException} once the fleet has stopped
     */
    CompletableFuture<Void> sendSmartServiceReport();
}
