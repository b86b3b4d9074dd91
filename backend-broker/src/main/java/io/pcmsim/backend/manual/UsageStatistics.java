package io.pcmsim.backend.manual;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * The anonymised usage statistics of one month. A cell counts events of one kind per model line, message code
 * and chapter; it holds no VIN, no user ID and no time finer than the month, and cells of fewer than
 * {@link #MINIMUM_COUNT} events are left out, so that no single car's use can be read from them.
 *
 * @param month the calendar month (UTC) of the backend's received time
 * @param cells the cells of at least {@link #MINIMUM_COUNT} events, by model line, kind, code, chapter
 * @param suppressedCells how many cells were left out for counting fewer events
 */
public record UsageStatistics(YearMonth month, List<Cell> cells, int suppressedCells) {

    /** Cells with fewer events are not shown. */
    public static final int MINIMUM_COUNT = 5;

    public UsageStatistics {
        Objects.requireNonNull(month, "month");
        cells = List.copyOf(cells);
    }

    /**
     * One cell.
     *
     * @param modelLine the model line named by the VIN's model code, e.g. {@code 911}; {@code other} when unknown
     * @param kind {@code MESSAGE_SHOWN}, {@code CHAPTER_VISITED}, {@code FAVOURITE_ADDED} or {@code FAVOURITE_REMOVED}
     * @param messageCode the message code, empty for events without one
     * @param chapterId the chapter, empty for events without one
     * @param events how many events, at least {@link #MINIMUM_COUNT}
     */
    public record Cell(String modelLine, String kind, String messageCode, String chapterId, long events) {

        public Cell {
            Objects.requireNonNull(modelLine, "modelLine");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(messageCode, "messageCode");
            Objects.requireNonNull(chapterId, "chapterId");
        }
    }
}
