package io.pcmsim.backend.internal.smartservice;

import io.pcmsim.backend.smartservice.Appointment;
import io.pcmsim.backend.smartservice.NeedState;
import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Makes appointments, from the app or the car, on the caller's connection and transaction. */
final class NewAppointments {

    private NewAppointments() {
    }

    /**
     * An appointment at {@code dealerId} for {@code needIds} (checked by the caller), which move from
     * {@link NeedState#OPEN} to {@link NeedState#APPOINTMENT_REQUESTED}; a need no longer open is left out.
     */
    static Appointment requested(Connection c, String appointmentId, Vin vin, String dealerId,
            Appointment.Origin origin, @Nullable String requestId, List<String> needIds,
            Optional<LocalDate> preferredDate, boolean navigate, Instant now, String note) throws SQLException {
        Appointment a = new Appointment(appointmentId, vin, Optional.of(dealerId), origin, Optional.ofNullable(requestId),
                Appointment.State.REQUESTED, List.of(), preferredDate, navigate,
                navigate ? Appointment.Navigation.SENDING : Appointment.Navigation.NOT_REQUESTED, now,
                Optional.empty(), Optional.empty(), note);
        AppointmentRows.insert(c, a);
        List<String> moved = AppointmentRows.moveNeeds(c, needIds, NeedState.OPEN, NeedState.APPOINTMENT_REQUESTED,
                appointmentId, now);
        return withNeeds(a, moved);
    }

    /** A request from the car that cannot be served, kept with the reason. */
    static Appointment refused(Connection c, String appointmentId, Vin vin, @Nullable String dealerId,
            String requestId, Optional<LocalDate> preferredDate, boolean navigate, Instant now, String reason)
            throws SQLException {
        Appointment a = new Appointment(appointmentId, vin, Optional.ofNullable(dealerId), Appointment.Origin.CAR,
                Optional.of(requestId), Appointment.State.REFUSED, List.of(), preferredDate, navigate,
                Appointment.Navigation.NOT_REQUESTED, now, Optional.empty(), Optional.empty(), reason);
        AppointmentRows.insert(c, a);
        return a;
    }

    static Appointment withNeeds(Appointment a, List<String> needIds) {
        return new Appointment(a.appointmentId(), a.vin(), a.dealerId(), a.origin(), a.requestId(), a.state(),
                needIds, a.preferredDate(), a.navigate(), a.navigation(), a.requestedAt(), a.bookedAt(),
                a.bookedFor(), a.note());
    }
}
