package io.pcmsim.backend;

import io.pcmsim.protocol.Vin;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A maintenance or repair need derived from a vehicle's reported state.
 *
 * @param dueKm odometer reading (km) at which the work is due, when a distance applies
 * @param dueDate date (UTC) by which the work is due, when a date applies
 * @param reason readable explanation, e.g. {@code front-left pad 91 % worn}
 */
public record MaintenanceNeed(
        Vin vin,
        Component component,
        Severity severity,
        OptionalDouble dueKm,
        Optional<LocalDate> dueDate,
        String reason) {

    public MaintenanceNeed {
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(dueKm, "dueKm");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(reason, "reason");
    }
}
