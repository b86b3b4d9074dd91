package io.pcmsim.backend.softwareupdate;

import io.pcmsim.backend.testing.PostgresSchemaExtension;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SoftwareUpdateContract} on PostgreSQL (a fresh schema). Skipped without PostgreSQL, failed with CI=true. */
class SoftwareUpdatePostgresIT extends SoftwareUpdateContract {

    @RegisterExtension
    static final PostgresSchemaExtension POSTGRES = new PostgresSchemaExtension();

    @Override
    @Nullable String jdbcUrl() {
        return POSTGRES.jdbcUrl();
    }
}
