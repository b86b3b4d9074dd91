package io.pcmsim.backend.internal.mapupdate;

import java.util.UUID;

/** {@link MapUpdateRetentionContract} on an in-memory H2 database in PostgreSQL mode. */
class MapUpdateRetentionH2IT extends MapUpdateRetentionContract {

    @Override
    String freshDatabaseUrl() {
        return "jdbc:h2:mem:map-retention-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }
}
