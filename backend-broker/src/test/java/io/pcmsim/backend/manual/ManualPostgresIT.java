package io.pcmsim.backend.manual;

import io.pcmsim.backend.testing.PostgresSchemaExtension;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ManualContract} on PostgreSQL (a fresh schema). Skipped without PostgreSQL, failed with CI=true. */
class ManualPostgresIT extends ManualContract {

    @RegisterExtension
    static final PostgresSchemaExtension POSTGRES = new PostgresSchemaExtension();

    @Override
    @Nullable String jdbcUrl() {
        return POSTGRES.jdbcUrl();
    }
}
