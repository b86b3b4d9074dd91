package io.pcmsim.backend.smartservice;

import io.pcmsim.backend.dealer.DealerDirectory;
import io.pcmsim.protocol.Vin;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Smart Service for the backend's users: collection configs, maintenance needs with their lifecycle,
 * preferred dealers and appointments. Thread-safe; each call is its own transaction on the backend's
 * database; usable once the backend has started. Refusals are {@link SmartServiceException}s.
 */
public interface SmartService {

    /** The dealers appointments can be made with. */
    DealerDirectory dealers();

    /**
     * Sends {@code settings} to the car as a {@code CollectionConfig} and records it as
     * {@link ConfigState#PENDING}; it becomes {@link ConfigState#APPLIED} when the car acknowledges it.
     *
     * @return the config's id, once the broker took it; fails when the broker could not be reached
     */
    CompletableFuture<String> sendCollectionConfig(Vin vin, CollectionSettings settings);

    /** The configs sent to {@code vin} and what it applied of them. */
    CollectionConfigs collectionConfigs(Vin vin);

    /** The needs of {@code vin}, resolved ones included, newest first. */
    List<TrackedNeed> needs(Vin vin);

    /**
     * Makes {@code dealerId} the preferred dealer of {@code vin}.
     *
     * @throws SmartServiceException NOT_FOUND ({@code dealer-not-found}) for a dealer not in {@link #dealers()}
     */
    void setPreferredDealer(Vin vin, String dealerId);

    /** The preferred dealer of {@code vin}, if one was chosen. */
    Optional<String> preferredDealer(Vin vin);

    /**
     * An appointment request from the app: the needs go to {@link NeedState#APPOINTMENT_REQUESTED}, and with
     * {@link AppointmentWish#navigate()} the dealer is sent to the car as its navigation destination.
     *
     * @throws SmartServiceException INVALID ({@code dealer-required}) when no dealer is named and none is
     *     preferred; NOT_FOUND for an unknown dealer or need; CONFLICT ({@code need-not-open}) for a need
     *     that is not open
     */
    Appointment requestAppointment(Vin vin, AppointmentWish wish);

    /** The appointments of {@code vin}, newest first. */
    List<Appointment> appointments(Vin vin);

    /** The appointments at {@code dealerId}, newest first. */
    List<Appointment> dealerAppointments(String dealerId);

    /**
     * The dealer books a requested appointment for {@code at}: its needs that are still waiting go to
     * {@link NeedState#BOOKED}.
     *
     * @throws SmartServiceException NOT_FOUND ({@code appointment-not-found}); CONFLICT
     *     ({@code appointment-not-requested}) when it is booked already or was refused
     */
    Appointment book(String appointmentId, Instant at);
}
