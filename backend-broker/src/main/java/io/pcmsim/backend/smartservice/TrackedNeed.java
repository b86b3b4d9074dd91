package io.pcmsim.backend.smartservice;

import io.pcmsim.backend.Component;
import io.pcmsim.backend.Severity;
import io.pcmsim.protocol.Vin;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A maintenance need as a case, from the report that first showed it to the report that showed the part
 * replaced.
 *
 * @param needId the backend's id of the need
 * @param reason while the need is not resolved, as the vehicle's newest state shows it now, like severity and
 *     due; as at the need's last step once that state no longer shows it (it stays open until a report shows
 *     the part replaced), and once resolved
 * @param openedAt the car's clock of the report that first showed the need
 * @param updatedAt the backend's clock at the last step: opened, severity changed, appointment requested, booked
 *     or resolved (due and reason move with the readings, which is no step)
 * @param resolvedAt the car's clock of the report that showed it resolved; present exactly when RESOLVED
 * @param appointmentId the appointment asked for it, if any
 * @param history every state it went through, oldest first
 */
public record TrackedNeed(String needId, Vin vin, Component component, NeedState state, Severity severity,
        OptionalDouble dueKm, Optional<LocalDate> dueDate, String reason, Instant openedAt, Instant updatedAt,
        Optional<Instant> resolvedAt, Optional<String> appointmentId, List<NeedEvent> history) {

    public TrackedNeed {
        Objects.requireNonNull(needId, "needId");
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(dueKm, "dueKm");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
        Objects.requireNonNull(appointmentId, "appointmentId");
        history = List.copyOf(history);
    }
}
