package io.pcmsim.backend.internal.softwareupdate;

import io.pcmsim.backend.internal.service.DataClass;
import io.pcmsim.backend.internal.service.ExpiringRows;
import io.pcmsim.backend.internal.service.RetentionPolicy;
import io.pcmsim.protocol.Service;

/**
 * Retention of software update data. The notice keeps it "while the contract lasts"; the backend cannot see a
 * contract's end in every deployment, so the default is a concrete 3 years (a connectivity contract's usual
 * term) after the record's last change: the raw queries, statuses and chunk requests by their arrival, the
 * update records by {@code updated_at} and the reported versions by {@code reported_at} (a car that keeps
 * polling keeps its row fresh). Releases and campaigns hold no personal data and are kept.
 */
public final class SoftwareUpdateRetention {

    /** 3 years after the record was received or last changed. */
    public static final RetentionPolicy POLICY = RetentionPolicy.years(3, "the notice keeps software update data"
            + " while the contract lasts; 3 years, a connectivity contract's term, after the record's last change");

    private SoftwareUpdateRetention() {
    }

    /** The class {@code software-update}. */
    public static DataClass dataClass() {
        return DataClass.messagesOf("software-update", Service.SOFTWARE_UPDATE, POLICY)
                .and(ExpiringRows.of("update_record", "updated_at", "campaign_id", "vin"))
                .and(ExpiringRows.of("installed_software", "reported_at", "vin", "component"));
    }
}
