package io.pcmsim.backend;

import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import io.pcmsim.backend.testing.ExternalServices;
import io.pcmsim.backend.testing.PostgresSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link BackendScenarioContract} with the store on PostgreSQL (fresh schema per run, dropped afterwards)
 * and the embedded broker. Skipped without PostgreSQL, failed with CI=true.
 */
class BackendPostgresIT extends BackendScenarioContract {

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();

    private static PostgresSchema schema;

    @BeforeAll
    static void createSchema() {
        ExternalServices.requirePostgres();
        schema = PostgresSchema.create();
    }

    @AfterEach
    void emptySchema() {
        schema.recreate();
    }

    @AfterAll
    static void dropSchema() {
        if (schema != null) {
            schema.drop();
        }
    }

    @Override
    String brokerHost() {
        return BROKER.host();
    }

    @Override
    int brokerPort() {
        return BROKER.port();
    }

    @Override
    String jdbcUrl() {
        return schema.jdbcUrl();
    }
}
