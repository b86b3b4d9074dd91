package io.pcmsim.backend.internal.service;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Rows a retention run deleted, per table, in the order the tables were first counted. Not thread-safe. */
public final class DeletedRows {

    private final Map<String, Long> byTable = new LinkedHashMap<>();

    /** Counts {@code rows} deleted from {@code table}; a table with 0 rows is still listed. */
    public void add(String table, long rows) {
        byTable.merge(table, rows, Long::sum);
    }

    /** Rows deleted from all tables. */
    public long total() {
        return byTable.values().stream().mapToLong(Long::longValue).sum();
    }

    /** A read-only view, table to rows. */
    public Map<String, Long> byTable() {
        return Collections.unmodifiableMap(byTable);
    }
}
