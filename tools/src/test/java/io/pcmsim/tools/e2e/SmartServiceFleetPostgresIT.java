package io.pcmsim.tools.e2e;

import io.pcmsim.backend.testing.PostgresSchemaExtension;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SmartServiceFleetContract} on PostgreSQL (a fresh schema). Skipped without PostgreSQL, failed with CI=true. */
class SmartServiceFleetPostgresIT extends SmartServiceFleetContract {

    @RegisterExtension
    static final PostgresSchemaExtension POSTGRES = new PostgresSchemaExtension();

    @Override
    @Nullable String jdbcUrl() {
        return POSTGRES.jdbcUrl();
    }
}
