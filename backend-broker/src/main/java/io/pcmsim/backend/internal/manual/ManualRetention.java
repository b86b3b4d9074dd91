package io.pcmsim.backend.internal.manual;

import io.pcmsim.backend.internal.service.DataClass;
import io.pcmsim.backend.internal.service.DerivedRows;
import io.pcmsim.backend.internal.service.ExpiringRows;
import io.pcmsim.backend.internal.service.RetentionPolicy;
import io.pcmsim.protocol.Service;
import java.time.Period;
import java.util.List;

/**
 * Retention of the owner's manual, straight from the notice: usage data 12 months, a profile unused for a year
 * deleted, anonymised usage statistics 12 months.
 */
final class ManualRetention {

    /** Manual events, favourites and the raw manual messages: 12 months after the backend received them. */
    static final RetentionPolicy USAGE = new RetentionPolicy(Period.ofMonths(12), "the notice keeps the owner's"
            + " manual data (VIN, message codes, favourites, recently visited chapters) 12 months");
    /** A profile: one year after it was last used. */
    static final RetentionPolicy PROFILE = RetentionPolicy.years(1, "the notice deletes a manual profile that was"
            + " not used for one year");
    /** A month of the anonymised statistics: 12 months after the month ended. */
    static final RetentionPolicy STATISTICS = new RetentionPolicy(Period.ofMonths(12), "the notice keeps the"
            + " anonymised usage statistics of the manual 12 months");

    private ManualRetention() {
    }

    static List<DataClass> dataClasses() {
        return List.of(
                DataClass.messagesOf("manual-usage", Service.MANUAL, USAGE)
                        .and(DerivedRows.keyedLike("manual_usage"))
                        .and(ExpiringRows.of("manual_favourite", "added_at", "vin", "chapter_id")),
                DataClass.tablesOnly("manual-profile", PROFILE)
                        .and(ExpiringRows.of("manual_profile", "last_used_at", "vin")),
                DataClass.tablesOnly("manual-statistics", STATISTICS)
                        .and(ExpiringRows.of("manual_statistic", "period_end", "stat_month", "model_line", "kind",
                                "message_code", "chapter_id")));
    }
}
