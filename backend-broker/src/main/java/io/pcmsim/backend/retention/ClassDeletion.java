package io.pcmsim.backend.retention;

import java.time.Instant;
import java.time.Period;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one retention run deleted of one data class, and why.
 *
 * @param dataClass the class's name
 * @param keep its period at the time of the run
 * @param rationale its reason at the time of the run
 * @param cutoff records received at or before this instant had expired ({@code asOf - keep})
 * @param deleted rows deleted, all tables together
 * @param byTable rows deleted per table, in the order the run deleted them
 */
public record ClassDeletion(String dataClass, Period keep, String rationale, Instant cutoff, long deleted,
                            Map<String, Long> byTable) {
    public ClassDeletion {
        Objects.requireNonNull(dataClass, "dataClass");
        Objects.requireNonNull(keep, "keep");
        Objects.requireNonNull(rationale, "rationale");
        Objects.requireNonNull(cutoff, "cutoff");
        byTable = Collections.unmodifiableMap(new LinkedHashMap<>(byTable));
    }
}
