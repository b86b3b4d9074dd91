package io.pcmsim.backend.smartservice;

import io.pcmsim.protocol.Vin;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A workshop appointment for a car's needs.
 *
 * @param dealerId the dealer; empty only for a {@link State#REFUSED} request that named none
 * @param requestId the car's request id ({@link Origin#CAR}); empty for the app
 * @param needIds the needs it was asked for (possibly none: a general visit)
 * @param requestedAt the backend's clock, like bookedAt
 * @param bookedFor when the dealer expects the car, once booked
 * @param note why a request was refused; empty otherwise
 */
public record Appointment(String appointmentId, Vin vin, Optional<String> dealerId, Origin origin,
        Optional<String> requestId, State state, List<String> needIds, Optional<LocalDate> preferredDate,
        boolean navigate, Navigation navigation, Instant requestedAt, Optional<Instant> bookedAt,
        Optional<Instant> bookedFor, String note) {

    /** Where the request came from. */
    public enum Origin { APP, CAR }

    /** Where the appointment stands. */
    public enum State {
        /** Asked for; the dealer has not booked it yet. */
        REQUESTED,
        /** The dealer booked it. */
        BOOKED,
        /** A request from the car that could not be served (no dealer, unknown dealer); see the note. */
        REFUSED
    }

    /** The dealer as the car's navigation destination. */
    public enum Navigation {
        /** Not asked for. */
        NOT_REQUESTED,
        /** Being sent. */
        SENDING,
        /** The broker took the {@code NavigationDestination} for the car. */
        SENT,
        /** The broker could not be reached or refused it. */
        FAILED
    }

    public Appointment {
        Objects.requireNonNull(appointmentId, "appointmentId");
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(dealerId, "dealerId");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(state, "state");
        needIds = List.copyOf(needIds);
        Objects.requireNonNull(preferredDate, "preferredDate");
        Objects.requireNonNull(navigation, "navigation");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(bookedAt, "bookedAt");
        Objects.requireNonNull(bookedFor, "bookedFor");
        Objects.requireNonNull(note, "note");
    }
}
