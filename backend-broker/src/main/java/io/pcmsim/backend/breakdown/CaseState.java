package io.pcmsim.backend.breakdown;

/** Where a breakdown case stands. */
public enum CaseState {
    /** Placed in the app; the data pull went to the car and its answer is awaited. */
    AWAITING_DATA,
    /** The car's report is in. */
    REPORTED,
    /** The car did not answer the data pull in time (offline, or its settings forbid the service). */
    TIMED_OUT,
    /** The data pull could not be sent (the backend had no broker connection). */
    PULL_NOT_SENT
}
