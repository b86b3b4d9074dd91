package io.pcmsim.backend.retention;

/** What started a retention run. */
public enum RetentionTrigger {
    /** The daily run on the backend's clock. */
    SCHEDULE,
    /** {@code POST /api/v1/operator/retention-runs}. */
    API,
    /** {@code pcmsim backend retention}. */
    CLI
}
