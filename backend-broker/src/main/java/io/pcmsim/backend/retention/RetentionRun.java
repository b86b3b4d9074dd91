package io.pcmsim.backend.retention;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The record of one retention run.
 *
 * @param id increasing with each run of a database
 * @param asOf the instant the run deleted as of (each class's cutoff is {@code asOf - keep})
 * @param startedAt backend time the run started
 * @param finishedAt backend time it ended; empty while it runs
 * @param triggeredBy what started it
 * @param outcome whether it ran to its end
 * @param error why it failed; empty unless {@link Outcome#FAILED}
 * @param classes per data class, what was deleted (up to the failure, for a failed run)
 */
public record RetentionRun(long id, Instant asOf, Instant startedAt, Optional<Instant> finishedAt,
                           RetentionTrigger triggeredBy, Outcome outcome, Optional<String> error,
                           List<ClassDeletion> classes) {

    /** How a run ended. */
    public enum Outcome {
        /** Still deleting (or its process ended before it could say). */
        RUNNING,
        /** Every class was deleted as of {@link #asOf()}. */
        COMPLETED,
        /** A deletion failed; the batches committed before stay deleted, the next run deletes the rest. */
        FAILED
    }

    public RetentionRun {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(triggeredBy, "triggeredBy");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(error, "error");
        classes = List.copyOf(classes);
    }

    /** Rows deleted, all classes together. */
    public long deleted() {
        return classes.stream().mapToLong(ClassDeletion::deleted).sum();
    }

    /** What this run deleted of {@code dataClass}, if the run got to it. */
    public Optional<ClassDeletion> of(String dataClass) {
        return classes.stream().filter(c -> c.dataClass().equals(dataClass)).findFirst();
    }
}
