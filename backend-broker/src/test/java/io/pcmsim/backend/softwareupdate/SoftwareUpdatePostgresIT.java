package io.pcmsim.backend.softwareupdate;

import io.pcmsim.backend.testing.ExternalServices;
import io.pcmsim.backend.testing.PostgresSchema;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** {@link SoftwareUpdateContract} on PostgreSQL (a fresh schema). Skipped without PostgreSQL, failed with CI=true. */
class SoftwareUpdatePostgresIT extends SoftwareUpdateContract {

    private static PostgresSchema schema;

    @BeforeAll
    static void createSchema() {
        ExternalServices.requirePostgres();
        schema = PostgresSchema.create();
    }

    @AfterEach
    void emptySchema() {
        stop();
        schema.recreate();
    }

    @AfterAll
    static void dropSchema() {
        if (schema != null) {
            schema.drop();
        }
    }

    @Override
    @Nullable String jdbcUrl() {
        return schema.jdbcUrl();
    }
}
