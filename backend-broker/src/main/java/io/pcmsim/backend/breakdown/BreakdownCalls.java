package io.pcmsim.backend.breakdown;

import io.pcmsim.protocol.Vin;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The backend's breakdown calls: cases, app calls and the counts. Thread-safe; every query reads
 * committed data from the backend's database. Usable once the backend has started.
 */
public interface BreakdownCalls {

    /**
     * Places a call in the app: opens a case {@link CaseState#AWAITING_DATA} with {@code consents}, then
     * sends the car a {@code DataPullRequest}. The car answers with its report, or not at all (offline, or
     * its settings forbid the service); without an answer within the pull timeout
     * ({@code BackendConfig.breakdownPullTimeout}) the case is {@link CaseState#TIMED_OUT}.
     *
     * @return the case once the pull was handed to the broker; a case {@link CaseState#PULL_NOT_SENT}
     *     when it could not be
     */
    CompletableFuture<BreakdownCase> placeAppCall(Vin vin, Consents consents);

    /** The case with this id, if any. */
    Optional<BreakdownCase> find(String caseId);

    /** The newest cases, newest first, at most {@code limit}. */
    List<BreakdownCase> recent(int limit);

    /** The cases of one car, newest first. */
    List<BreakdownCase> ofVehicle(Vin vin);

    /** The counts over the cases kept. */
    BreakdownCounts counts();

    /**
     * Times out now every pull whose deadline passed on the backend's clock (the backend also does this
     * every second).
     *
     * @return how many cases timed out
     */
    int timeOutPulls();
}
