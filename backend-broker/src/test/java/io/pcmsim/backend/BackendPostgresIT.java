package io.pcmsim.backend;

import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import io.pcmsim.backend.testing.PostgresSchemaExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link BackendScenarioContract} with the store on PostgreSQL (fresh schema per run, dropped afterwards)
 * and the embedded broker. Skipped without PostgreSQL, failed with CI=true.
 */
class BackendPostgresIT extends BackendScenarioContract {

    @RegisterExtension
    static final PostgresSchemaExtension POSTGRES = new PostgresSchemaExtension();

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();

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
        return POSTGRES.jdbcUrl();
    }
}
