package io.pcmsim.tools.e2e;

import io.pcmsim.backend.testing.PostgresSchemaExtension;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ManualFleetContract} on PostgreSQL (a fresh schema). Skipped without PostgreSQL, failed with CI=true. */
class ManualFleetPostgresIT extends ManualFleetContract {

    @RegisterExtension
    static final PostgresSchemaExtension POSTGRES = new PostgresSchemaExtension();

    @Override
    @Nullable String jdbcUrl() {
        return POSTGRES.jdbcUrl();
    }
}
