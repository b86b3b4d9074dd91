package io.pcmsim.backend.smartservice;

/** Where a collection config the backend sent stands. */
public enum ConfigState {
    /** Sent; the car has not acknowledged it (yet, or ever: a car refuses a config it cannot use in silence). */
    PENDING,
    /** The car applied it and said so ({@code CollectionConfigApplied}). */
    APPLIED
}
