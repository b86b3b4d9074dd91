package io.pcmsim.backend.identity;

import io.pcmsim.backend.testing.PostgresSchemaExtension;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link IdentityContract} on PostgreSQL (a fresh schema). Skipped without PostgreSQL, failed with CI=true. */
class IdentityPostgresIT extends IdentityContract {

    @RegisterExtension
    static final PostgresSchemaExtension POSTGRES = new PostgresSchemaExtension();

    @Override
    @Nullable String jdbcUrl() {
        return POSTGRES.jdbcUrl();
    }
}
