package io.pcmsim.backend.retention;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The backend's retention job: deletes each data class once it expired, records every run, and lists the runs.
 * A record received at {@code T} by a class keeping it for {@code K} is deleted by the first run as of
 * {@code T + K} or later and kept by every run before (see {@link ClassDeletion#cutoff()}).
 *
 * <p>A started backend runs it daily at 00:00 UTC of its clock (a simulated clock runs it as often as its
 * days pass). Deletion goes in batches of bounded size, one short transaction each, so ingestion never waits
 * long. Thread-safe; runs of one backend never overlap (a second waits for the first).
 */
public interface Retention {

    /**
     * Deletes what expired as of {@code asOf} (which may lie in the future of the backend's clock) and records
     * the run. Migrates the schema first when the backend has not done so.
     *
     * @return the run's record; {@link RetentionRun.Outcome#FAILED} with the error when a deletion failed
     */
    RetentionRun run(Instant asOf, RetentionTrigger trigger);

    /** The newest {@code limit} runs, newest first. */
    List<RetentionRun> runs(int limit);

    /** The run with this id, if any. */
    Optional<RetentionRun> run(long id);

    /** The data classes, in the order a run deletes them. */
    List<RetentionClass> classes();

    /** Rows this backend deleted per data class since it was created (for metrics); every class listed. */
    Map<String, Long> deletedByClass();
}
