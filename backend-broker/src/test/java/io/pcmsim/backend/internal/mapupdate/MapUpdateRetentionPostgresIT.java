package io.pcmsim.backend.internal.mapupdate;

import io.pcmsim.backend.testing.PostgresSchemaExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link MapUpdateRetentionContract} on PostgreSQL at 127.0.0.1:5432 in a fresh schema per test. Skipped (or
 * failed with CI=true) without PostgreSQL.
 */
class MapUpdateRetentionPostgresIT extends MapUpdateRetentionContract {

    @RegisterExtension
    static final PostgresSchemaExtension POSTGRES = PostgresSchemaExtension.keptBetweenTests();

    @Override
    String freshDatabaseUrl() {
        POSTGRES.schema().recreate();
        return POSTGRES.jdbcUrl();
    }
}
