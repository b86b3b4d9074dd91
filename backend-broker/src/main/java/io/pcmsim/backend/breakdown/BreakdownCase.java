package io.pcmsim.backend.breakdown;

import io.pcmsim.protocol.Vin;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One breakdown call and what became of it. The report itself is reached only through
 * {@link #forAssistance()} and {@link #forDealer()}, which give it only where the consent for that
 * recipient was given in this call; {@link #report()} is for the owner's own view and for tests.
 *
 * @param caseId the backend's id of the case
 * @param callId the call's id, as the car's report carries it
 * @param openedAt backend time the case was opened (the report arrived, or the app placed the call)
 * @param stateReason why the case is in its state, in words, when it is not plain (e.g. no answer)
 * @param consents the consents given in this call (in the car, or in the app for an app call)
 * @param assistance what became of the report for the Assistance
 * @param dealer what became of the report for the dealer
 * @param dealerId the dealer chosen for the car's position, when the dealer consent was given
 * @param report what the car reported, when it did
 */
public record BreakdownCase(String caseId, Vin vin, String callId, CallTrigger trigger, Instant openedAt,
        CaseState state, Optional<String> stateReason, Consents consents, Forwarding assistance,
        Forwarding dealer, Optional<String> dealerId, Optional<BreakdownData> report) {

    public BreakdownCase {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(report, "report");
    }

    /** The report as the Assistance may see it: only with the Assistance consent of this call. */
    public Optional<BreakdownData> forAssistance() {
        return assistance.forwarded() ? report : Optional.empty();
    }

    /** The report as the dealer may see it: only with the dealer consent of this call. */
    public Optional<BreakdownData> forDealer() {
        return dealer.forwarded() ? report : Optional.empty();
    }
}
