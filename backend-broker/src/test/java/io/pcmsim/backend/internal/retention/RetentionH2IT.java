package io.pcmsim.backend.internal.retention;

import java.util.UUID;

/** {@link RetentionContract} on an in-memory H2 database in PostgreSQL mode, as the backend's H2 file runs. */
class RetentionH2IT extends RetentionContract {

    @Override
    String freshDatabaseUrl() {
        return "jdbc:h2:mem:retention-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }
}
