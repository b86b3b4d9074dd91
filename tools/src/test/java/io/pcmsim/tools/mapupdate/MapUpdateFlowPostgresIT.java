package io.pcmsim.tools.mapupdate;

import io.pcmsim.backend.BackendConfig;
import io.pcmsim.backend.testing.ExternalServices;
import io.pcmsim.backend.testing.PostgresSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link MapUpdateFlowContract} on PostgreSQL at 127.0.0.1:5432 in a schema of its own. Skipped (or failed
 * with CI=true) without PostgreSQL.
 */
class MapUpdateFlowPostgresIT extends MapUpdateFlowContract {

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
    BackendConfig.Builder storage(BackendConfig.Builder config) {
        schema.recreate();
        return config.jdbcUrl(schema.jdbcUrl());
    }
}
