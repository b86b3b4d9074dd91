package io.pcmsim.vehicle.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A fault a car develops by itself, drawn from its seed: active from {@code at} on (a car that starts
 * with a fault has one at its start) until a workshop repairs it.
 *
 * @param fault the fault
 * @param at simulated instant it appears
 */
public record FaultOnset(Fault fault, Instant at) {

    public FaultOnset {
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(at, "at");
    }
}
