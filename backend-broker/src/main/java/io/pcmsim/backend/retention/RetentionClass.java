package io.pcmsim.backend.retention;

import java.time.Period;
import java.util.List;
import java.util.Objects;

/**
 * A data class as its service declares it.
 *
 * @param name e.g. {@code smart-service}, {@code breakdown}, {@code session}
 * @param keep how long after the backend received it a record is kept (calendar period, UTC)
 * @param rationale why this long, from the privacy notice
 * @param tables the tables it deletes from, in the order a run deletes them
 */
public record RetentionClass(String name, Period keep, String rationale, List<String> tables) {
    public RetentionClass {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keep, "keep");
        Objects.requireNonNull(rationale, "rationale");
        tables = List.copyOf(tables);
    }
}
