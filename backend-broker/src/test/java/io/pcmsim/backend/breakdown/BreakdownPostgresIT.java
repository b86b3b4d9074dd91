package io.pcmsim.backend.breakdown;

import io.pcmsim.backend.testing.PostgresSchemaExtension;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link BreakdownContract} on PostgreSQL (a fresh schema). Skipped without PostgreSQL, failed with CI=true. */
class BreakdownPostgresIT extends BreakdownContract {

    @RegisterExtension
    static final PostgresSchemaExtension POSTGRES = new PostgresSchemaExtension();

    @Override
    @Nullable String jdbcUrl() {
        return POSTGRES.jdbcUrl();
    }
}
