package io.pcmsim.vehicle.manual;

/** The backend's answer to a manual profile request ({@code ManualProfileResult}). */
public enum ProfileOutcome {
    /** Name and user ID matched the identity registry: the profile exists and is linked to the car. */
    CREATED,
    /** Name and user ID match no user of the identity registry: no profile. */
    NO_MATCH
}
