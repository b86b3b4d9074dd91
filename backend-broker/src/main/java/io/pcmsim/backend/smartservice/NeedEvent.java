package io.pcmsim.backend.smartservice;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a need's history.
 *
 * @param at the backend's clock when the step was taken
 * @param vehicleTime for steps the car's data took (opened, resolved): the car's clock of that report
 * @param note what happened, e.g. the reason that opened the need or the appointment's id
 */
public record NeedEvent(NeedState state, Instant at, Optional<Instant> vehicleTime, String note) {

    public NeedEvent {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(vehicleTime, "vehicleTime");
        Objects.requireNonNull(note, "note");
    }
}
