package io.pcmsim.backend.internal.mapupdate;

import io.pcmsim.backend.testing.ExternalServices;
import io.pcmsim.backend.testing.PostgresSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link MapUpdateRetentionContract} on PostgreSQL at 127.0.0.1:5432 in a fresh schema per test. Skipped (or
 * failed with CI=true) without PostgreSQL.
 */
class MapUpdateRetentionPostgresIT extends MapUpdateRetentionContract {

    private static PostgresSchema schema;

    @BeforeAll
    static void createSchema() {
        ExternalServices.requirePostgres();
        schema = PostgresSchema.create();
    }

    @AfterAll
    static void dropSchema() {
        if (schema != null) {
            schema.drop();
        }
    }

    @Override
    String freshDatabaseUrl() {
        schema.recreate();
        return schema.jdbcUrl();
    }
}
