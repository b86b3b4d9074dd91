package io.pcmsim.backend.smartservice;

import io.pcmsim.backend.testing.PostgresSchemaExtension;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SmartServiceContract} on PostgreSQL (a fresh schema). Skipped without PostgreSQL, failed with CI=true. */
class SmartServicePostgresIT extends SmartServiceContract {

    @RegisterExtension
    static final PostgresSchemaExtension POSTGRES = new PostgresSchemaExtension();

    @Override
    @Nullable String jdbcUrl() {
        return POSTGRES.jdbcUrl();
    }
}
