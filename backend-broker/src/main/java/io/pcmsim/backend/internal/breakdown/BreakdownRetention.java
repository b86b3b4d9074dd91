package io.pcmsim.backend.internal.breakdown;

import io.pcmsim.backend.internal.service.DataClass;
import io.pcmsim.backend.internal.service.ExpiringRows;
import io.pcmsim.backend.internal.service.RetentionPolicy;
import io.pcmsim.protocol.Service;

/**
 * Retention of breakdown data, straight from the notice: 7 days, only for transmission to the Assistance and
 * the dealer. The class {@code breakdown} holds the raw breakdown reports in {@code uplink_message} (they carry
 * the car's location and track: nothing with a location outlives 7 days) and whatever the breakdown service
 * stores from them; each table of the service is one more line in {@link #dataClass()}, e.g.
 * {@code .and(DerivedRows.keyedLike("breakdown_report"))} for rows keyed like their message or
 * {@code .and(ExpiringRows.of("breakdown_case", "opened_at", "case_id"))} for rows with their own backend time.
 */
public final class BreakdownRetention {

    /** 7 days after the backend received it. */
    public static final RetentionPolicy POLICY = RetentionPolicy.days(7, "the notice keeps breakdown data, which"
            + " includes the car's location, 7 days, only to pass it to the Assistance and the dealer");

    private BreakdownRetention() {
    }

    /** The class {@code breakdown}: the raw breakdown messages and the tables stored from them. */
    public static DataClass dataClass() {
        return DataClass.messagesOf("breakdown", Service.BREAKDOWN, POLICY)
                .and(ExpiringRows.of("breakdown_case", "opened_at", "case_id"));
    }
}
