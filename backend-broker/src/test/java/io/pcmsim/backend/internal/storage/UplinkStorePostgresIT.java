package io.pcmsim.backend.internal.storage;

import io.pcmsim.backend.testing.ExternalServices;
import io.pcmsim.backend.testing.PostgresSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link UplinkStoreContract} on PostgreSQL at 127.0.0.1:5432 (database {@code test}, trust auth), in a
 * fresh schema per test run that is dropped afterwards. Skipped (or failed with CI=true) without PostgreSQL.
 */
class UplinkStorePostgresIT extends UplinkStoreContract {

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
