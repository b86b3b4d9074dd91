package io.pcmsim.vehicle.fleet;

import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.ServiceGroup;
import io.pcmsim.protocol.VehicleSnapshot;
import io.pcmsim.protocol.Vin;
import io.pcmsim.vehicle.manual.ManualLinks;
import io.pcmsim.vehicle.manual.ProfileOutcome;
import io.pcmsim.vehicle.model.DrivingState;
import io.pcmsim.vehicle.model.Fault;
import io.pcmsim.vehicle.model.InstalledVersion;
import io.pcmsim.vehicle.model.VehicleProfile;
import io.pcmsim.vehicle.privacy.DriverSettings;
import io.pcmsim.vehicle.smartservice.NavigationDestination;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

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

    /**
     * The driver starts a breakdown call now and answers the two consent questions: may the data go to
     * the Assistance, to the dealer? The car sends one {@code BreakdownReport} (trigger {@code IN_CAR}, a new
     * call id) with its model code, state, fault log, position, movement and recent track, when its settings
     * let the breakdown service transmit. When privacy mode, the group with location or the service forbids
     * it, nothing is sent (no refusal either) and nothing is kept for later: the call is only meaningful now.
     *
     * @return the outcome: {@code SENT} with the call id once the broker acknowledged the report (or its
     *     publish failed), {@code QUEUED} with the call id at once while the car is offline,
     *     {@code REFUSED_BY_SETTINGS} at once; fails with {@link IllegalStateException} once the fleet has
     *     stopped
     */
    CompletableFuture<BreakdownCallResult> callBreakdown(boolean consentAssistance, boolean consentDealer);

    /**
     * The cluster shows a warning or information message now (warnings that light up by themselves are shown
     * the same way at the car's next evaluation): the car sends a {@code MESSAGE_SHOWN} event on
     * {@code up/manual} with the code, when its settings let the manual service transmit (group without
     * location), and keeps the chapter links the backend answers with ({@link #manualLinks()}).
     *
     * @param messageCode 1 to 64 letters, digits and dashes, e.g. {@code W-OIL-LEVEL} (upper-cased)
     * @return the links once they arrived; empty at once when the settings hold the event back, the car is
     *     offline (it waits in the outbox then) or it has gone away (nothing is sent); fails with {@link IllegalArgumentException} for a bad code and
     *     with {@link IllegalStateException} once the fleet has stopped
     */
    CompletableFuture<Optional<ManualLinks>> showManualMessage(String messageCode);

    /**
     * The driver opens a manual chapter: a {@code CHAPTER_VISITED} event, held back like every manual message.
     *
     * @return completes when the broker acknowledged it or its publish failed, at once when held back or
     *     buffered; fails with {@link IllegalArgumentException} for a chapter id that is not 1 to 64 letters,
     *     digits and dashes
     */
    CompletableFuture<Void> openManualChapter(String chapterId);

    /** The driver adds ({@code true}) or removes a favourite chapter; completes as {@link #openManualChapter}. */
    CompletableFuture<Void> setManualFavourite(String chapterId, boolean favourite);

    /**
     * The driver asks for a manual profile with name and user ID ({@code ManualProfileRequest}); the backend
     * matches them against its identity registry and links the profile to this car.
     *
     * @return the answer once it arrived; empty at once when the settings hold the request back or the car is
     *     offline; fails with {@link IllegalArgumentException} for a blank or too long name or user ID
     */
    CompletableFuture<Optional<ProfileOutcome>> requestManualProfile(String name, String userId);

    /** The manual links the backend sent, newest first, at most 20. */
    List<ManualLinks> manualLinks();

    /** The driver's favourite manual chapters, in the order added. */
    List<String> manualFavourites();

    /**
     * The driver's answer to the software update offered and waiting for a decision (the fleet's
     * {@link FleetConfig#softwareUpdate()} policy answers the others at once): accept (download and install),
     * defer (asked again at the next offer) or decline. No effect when no offer waits.
     *
     * @return completes when the car's status report settled; fails with {@link IllegalStateException} once the
     *     fleet has stopped
     */
    CompletableFuture<Void> decideUpdate(io.pcmsim.vehicle.softwareupdate.UpdateDecision decision);

    /** What the car is doing with software updates: phase, campaign, chunks, last failure, installed versions. */
    io.pcmsim.vehicle.softwareupdate.UpdateProgress updateProgress();

    /**
     * The car's next software install fails with {@code reason} (reported as {@code FAILED} with it).
     *
     * @return completes when the failure is in place
     */
    CompletableFuture<Void> injectInstallFailure(String reason);

    /**
     * Ignition and motion now. Without trips a car stays {@link DrivingState#PARKED} and wears by its annual
     * mileage spread over time; trips add their distance on top.
     */
    DrivingState drivingState();

    /**
     * A vehicle start (ignition on) while parked: the services react (Smart Service sends a
     * {@code VEHICLE_START} report when allowed). No effect while started or driving. Completes when what
     * the services sent settled (acknowledged, failed, or queued while offline).
     */
    CompletableFuture<Void> startVehicle();

    /**
     * A trip: from parked, a vehicle start first; then the car covers {@code distanceKm} evenly over
     * {@code duration} of simulated time, wearing as for that distance (oil, pads, service distance), and
     * parks at its end. A trip in progress ends where the new one begins. Completes when the start's
     * reports settled.
     *
     * @throws IllegalArgumentException when {@code duration} is not positive or {@code distanceKm} is
     *     negative or not finite
     */
    CompletableFuture<Void> drive(java.time.Duration duration, double distanceKm);

    /** Parks now: a trip in progress ends (what it covered stays), ignition off. */
    CompletableFuture<Void> park();

    /**
     * A workshop visit now: fresh oil, new brake pads, tyres at placard pressure, service interval
     * restarted, trouble codes cleared. The backend sees it with the car's next report.
     */
    CompletableFuture<Void> visitWorkshop();

    /**
     * A fault appears now: its trouble codes are stored and its warnings lit from the car's next state on
     * (the next report carries them), and it changes the physics where it does (see {@link Fault}). A fault
     * already active changes nothing; {@link #visitWorkshop()} repairs it. {@link Fault#parse} reads a fault's
     * name, {@link Fault#names()} lists them.
     *
     * @return completes when the fault is in place; fails with {@link IllegalStateException} once the fleet has
     *     stopped
     * @throws IllegalArgumentException when the car lacks the component (a misfire in a battery-electric car)
     */
    CompletableFuture<Void> injectFault(Fault fault);

    /** The faults active now (injected or developed by the car), in the order they appeared. */
    Set<Fault> activeFaults();

    /**
     * The driver asks for a workshop appointment at the owner's preferred dealer, with the dealer as the
     * navigation destination: {@code requestAppointment(null, true)}.
     */
    default CompletableFuture<Void> requestAppointment() {
        return requestAppointment(null, true);
    }

    /**
     * The driver asks for a workshop appointment for every open maintenance need (an
     * {@code AppointmentRequest} on {@code up/smart-service}), held back like every Smart Service message
     * when the settings do not let it through.
     *
     * @param dealerId a dealer of the backend's directory, or null for the owner's preferred dealer
     * @param navigate whether the backend should send the dealer as the navigation destination
     * @return completes when the broker acknowledged the request or its publish failed, or at once when it
     *     was held back or buffered; fails with {@link IllegalStateException} once the fleet has stopped
     */
    CompletableFuture<Void> requestAppointment(@Nullable String dealerId, boolean navigate);

    /** The navigation destination the backend sent last (for an appointment), if any. */
    Optional<NavigationDestination> navigationDestination();

    /**
     * The navigation maps installed now, one per region: the profile's maps, each replaced by the version a
     * map update installed. Any thread.
     */
    List<InstalledVersion> installedMaps();

    /** Asks every service for its data now (Smart Service: an {@code ON_REQUEST} report when allowed). */
    CompletableFuture<Void> requestReport();

    /**
     * A network outage of {@code duration} simulated time: the car drops its connection (no privacy
     * semantics: nothing is discarded, no offline presence is published) and stays off the network; what
     * its services produce meanwhile waits in its bounded outbox (when full, the oldest entry makes room and
     * is counted as dropped) and is sent after the outage, under a new boot. An outage while one is in
     * progress is ignored. Completes when the car is disconnected.
     *
     * @throws IllegalArgumentException when {@code duration} is not positive
     */
    CompletableFuture<Void> networkOutage(java.time.Duration duration);

    /** False during a {@link #networkOutage}. */
    boolean networkAvailable();

    /**
     * The car goes away (switched off, out of reach, e.g. in a garage abroad): it parks, publishes offline
     * presence, disconnects and produces nothing until {@link #comeBack()}. Idempotent. Completes when it is
     * disconnected.
     */
    CompletableFuture<Void> goAway();

    /**
     * The car comes back after {@link #goAway()}: it connects under a new boot and logs in (when its settings
     * allow any service and no outage holds it off). Completes when that login settled.
     */
    CompletableFuture<Void> comeBack();

    /** Whether the car has gone away. */
    boolean away();

    /**
     * One evaluation now, as the car's sampling timer makes it every sample interval of simulated time: the
     * state advanced to the clock's instant, then every service sees the new time (periodic and threshold
     * reports that are due). Lets a caller who moves the simulated clock ahead in steps have the car do at
     * each step what it would have done meanwhile.
     *
     * @return completes when every publish the car had handed to its MQTT client until then was acknowledged
     *     or failed (what waits in its outbox while offline does not hold it up); fails with
     *     {@link IllegalStateException} once the fleet has stopped
     */
    CompletableFuture<Void> evaluateNow();
}
