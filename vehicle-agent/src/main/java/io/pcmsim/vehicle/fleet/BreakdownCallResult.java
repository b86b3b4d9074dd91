package io.pcmsim.vehicle.fleet;

import java.util.Objects;
import java.util.Optional;

/**
 * What became of a breakdown call started in the car ({@link EmulatedVehicle#callBreakdown}).
 *
 * @param outcome sent, waiting for the connection, or refused by the car's settings
 * @param callId the call's id as the report carries it; empty when refused (nothing left the car)
 */
public record BreakdownCallResult(Outcome outcome, Optional<String> callId) {

    /** What became of the call. */
    public enum Outcome {
        /** The report was handed to the broker (acknowledged, or its publish failed after that). */
        SENT,
        /** The car is offline: the report waits in its outbox and goes out once it is connected. */
        QUEUED,
        /** Privacy mode, the group with location or the service is off: nothing was sent, nothing kept. */
        REFUSED_BY_SETTINGS
    }

    public BreakdownCallResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(callId, "callId");
        if (callId.isPresent() == (outcome == Outcome.REFUSED_BY_SETTINGS)) {
            throw new IllegalArgumentException("a call id goes with a call that left or waits, not with " + outcome);
        }
    }

    public static BreakdownCallResult sent(String callId) {
        return new BreakdownCallResult(Outcome.SENT, Optional.of(callId));
    }

    public static BreakdownCallResult queued(String callId) {
        return new BreakdownCallResult(Outcome.QUEUED, Optional.of(callId));
    }

    public static BreakdownCallResult refusedBySettings() {
        return new BreakdownCallResult(Outcome.REFUSED_BY_SETTINGS, Optional.empty());
    }

    /** Whether the report left the car or waits to. */
    public boolean accepted() {
        return outcome != Outcome.REFUSED_BY_SETTINGS;
    }
}
