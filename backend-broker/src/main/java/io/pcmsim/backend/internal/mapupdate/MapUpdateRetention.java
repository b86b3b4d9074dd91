package io.pcmsim.backend.internal.mapupdate;

import io.pcmsim.backend.internal.service.DataClass;
import io.pcmsim.backend.internal.service.ExpiringRows;
import io.pcmsim.backend.internal.service.RetentionPolicy;
import io.pcmsim.protocol.Service;
import java.util.List;

/**
 * Retention of map update data, two classes (docs/retention.md):
 * <ul>
 * <li>{@code map}: the raw entitlement requests and the keys issued ({@code map_key}, by issue time), 90 days:
 * a car gets a new key at every login, so a key older than that serves no revocation any more;
 * <li>{@code map-transfer}: the transfers documented by key ({@code map_transfer}, by the time the backend
 * recorded them), 3 years: the proof that a map was delivered, for the regular limitation period of claims.
 * </ul>
 */
final class MapUpdateRetention {

    static final RetentionPolicy KEYS = RetentionPolicy.days(90, "a car gets a new anonymous key at every login;"
            + " the VIN next to a key serves only its revocation, which an older key no longer needs");
    static final RetentionPolicy TRANSFERS = RetentionPolicy.years(3, "a transfer documented by key proves a map"
            + " delivery for the regular limitation period of claims; it holds no VIN");

    private MapUpdateRetention() {
    }

    static List<DataClass> dataClasses() {
        return List.of(
                DataClass.messagesOf("map", Service.MAP_UPDATE, KEYS)
                        .and(ExpiringRows.of("map_key", "issued_at", "anonymous_key")),
                DataClass.tablesOnly("map-transfer", TRANSFERS)
                        .and(ExpiringRows.of("map_transfer", "recorded_at", "transfer_id")));
    }
}
