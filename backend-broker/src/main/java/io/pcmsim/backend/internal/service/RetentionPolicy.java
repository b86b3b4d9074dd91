package io.pcmsim.backend.internal.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a service keeps what it stored about a vehicle, and why; a value each handler declares.
 *
 * @param keep how long after it was received a record is kept, positive
 * @param rationale why this long, in one sentence (the basis the privacy notice states)
 */
public record RetentionPolicy(Duration keep, String rationale) {
    public RetentionPolicy {
        Objects.requireNonNull(keep, "keep");
        Objects.requireNonNull(rationale, "rationale");
        if (keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("retention must be positive, was " + keep);
        }
        if (rationale.isBlank()) {
            throw new IllegalArgumentException("a retention policy needs a rationale");
        }
    }

    /** Kept for {@code years} years of 365 days. */
    public static RetentionPolicy years(int years, String rationale) {
        return new RetentionPolicy(Duration.ofDays(365L * years), rationale);
    }
}
