package io.pcmsim.backend.retention;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

    /**
     * The instant a run is to delete as of, from an ISO 8601 instant ({@code 2027-01-08T00:00:00Z}, an offset
     * other than Z allowed) or date ({@code 2027-01-08}: its start, 00:00 UTC).
     *
     * @throws IllegalArgumentException naming the text and the two forms allowed
     */
    static Instant asOf(String text) {
        String t = text.strip();
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("[" + text + "] is neither an ISO 8601 instant like 2027-01-08T00:00:00Z"
                    + " nor a date like 2027-01-08");
        }
    }
}
