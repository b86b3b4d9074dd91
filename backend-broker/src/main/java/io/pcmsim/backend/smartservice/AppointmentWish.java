package io.pcmsim.backend.smartservice;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the owner asks for in the app.
 *
 * @param dealerId the dealer; empty: the preferred dealer
 * @param needIds the needs, each of this car and {@link NeedState#OPEN}; empty: every open need
 * @param preferredDate the day the owner would like
 * @param navigate whether the dealer is sent to the car as its navigation destination
 */
public record AppointmentWish(Optional<String> dealerId, Optional<List<String>> needIds,
        Optional<LocalDate> preferredDate, boolean navigate) {

    public AppointmentWish {
        Objects.requireNonNull(dealerId, "dealerId");
        needIds = needIds.map(List::copyOf);
        Objects.requireNonNull(preferredDate, "preferredDate");
    }
}
