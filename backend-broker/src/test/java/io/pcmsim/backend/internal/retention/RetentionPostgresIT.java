package io.pcmsim.backend.internal.retention;

import io.pcmsim.backend.testing.PostgresSchemaExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link RetentionContract} on PostgreSQL at 127.0.0.1:5432 (database {@code test}, trust auth), in a fresh
 * schema per test. Skipped (or failed with CI=true) without PostgreSQL.
 */
class RetentionPostgresIT extends RetentionContract {

    @RegisterExtension
    static final PostgresSchemaExtension POSTGRES = PostgresSchemaExtension.keptBetweenTests();

    @Override
    String freshDatabaseUrl() {
        POSTGRES.schema().recreate();
        return POSTGRES.jdbcUrl();
    }
}
