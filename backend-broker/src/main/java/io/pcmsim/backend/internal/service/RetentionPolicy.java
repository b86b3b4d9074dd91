package io.pcmsim.backend.internal.service;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * How long a data class is kept after the backend received it, and why; a value each handler declares.
 *
 * <p>The boundary: a record received at {@code T} has expired for a retention run as of {@code A} when
 * {@code T <= cutoff(A)}, with {@code cutoff(A) = A - keep} computed on the UTC calendar (30 years back from
 * 2057-01-08T00:00Z is 2027-01-08T00:00Z; a leap day maps to February 28). So a run at or after
 * {@code T + keep} deletes the record and a run before keeps it.
 *
 * @param keep how long after it was received a record is kept: positive years, months and days
 * @param rationale why this long, in one sentence (the basis the privacy notice states)
 */
public record RetentionPolicy(Period keep, String rationale) {
    public RetentionPolicy {
        Objects.requireNonNull(keep, "keep");
        Objects.requireNonNull(rationale, "rationale");
        if (keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("retention must be positive in each part, was " + keep);
        }
        if (rationale.isBlank()) {
            throw new IllegalArgumentException("a retention policy needs a rationale");
        }
    }

    /** Kept for {@code years} calendar years. */
    public static RetentionPolicy years(int years, String rationale) {
        return new RetentionPolicy(Period.ofYears(years), rationale);
    }

    /** Kept for {@code days} days of 24 hours. */
    public static RetentionPolicy days(int days, String rationale) {
        return new RetentionPolicy(Period.ofDays(days), rationale);
    }

    /** When a record received at {@code received} expires: {@code received + keep} in UTC. */
    public Instant expiry(Instant received) {
        return received.atOffset(ZoneOffset.UTC).plus(keep).toInstant();
    }

    /** The newest received time that has expired for a run as of {@code asOf}: {@code asOf - keep} in UTC. */
    public Instant cutoff(Instant asOf) {
        return asOf.atOffset(ZoneOffset.UTC).minus(keep).toInstant();
    }
}
