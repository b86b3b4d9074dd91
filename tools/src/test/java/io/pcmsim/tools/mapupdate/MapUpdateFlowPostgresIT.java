package io.pcmsim.tools.mapupdate;

import io.pcmsim.backend.BackendConfig;
import io.pcmsim.backend.testing.PostgresSchemaExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link MapUpdateFlowContract} on PostgreSQL at 127.0.0.1:5432 in a schema of its own. Skipped (or failed
 * with CI=true) without PostgreSQL.
 */
class MapUpdateFlowPostgresIT extends MapUpdateFlowContract {

    @RegisterExtension
    static final PostgresSchemaExtension POSTGRES = PostgresSchemaExtension.keptBetweenTests();

    @Override
    BackendConfig.Builder storage(BackendConfig.Builder config) {
        POSTGRES.schema().recreate();
        return config.jdbcUrl(POSTGRES.jdbcUrl());
    }
}
