package io.pcmsim.backend.manual;

import io.pcmsim.protocol.Vin;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * The owner's manual ("good to know") of the backend: what the cars' manual events stored, the manual index
 * that links message codes to chapters, and the anonymised usage statistics. Thread-safe; every query reads
 * committed data from the backend's database. Usable once the backend has started.
 */
public interface OwnersManual {

    /** The chapters linked to a warning or information code (any case), most relevant first; empty when unknown. */
    List<ManualChapter> chapters(String messageCode);

    /** The manual profile linked to {@code vin}, if one was created and not deleted. */
    Optional<ManualProfile> profile(Vin vin);

    /** The favourite chapters of {@code vin}'s driver, newest first. */
    List<ChapterUse> favourites(Vin vin);

    /** The chapters {@code vin}'s driver visited, each once at its latest visit, newest first, at most {@code limit}. */
    List<ChapterUse> recent(Vin vin, int limit);

    /**
     * The anonymised usage statistics of one month: events per model line, kind, message code and chapter,
     * with every cell of fewer than {@link UsageStatistics#MINIMUM_COUNT} events left out. They hold no VIN and
     * no user ID.
     */
    UsageStatistics statistics(YearMonth month);

    /** The counts over the manual data kept. */
    ManualCounts counts();
}
