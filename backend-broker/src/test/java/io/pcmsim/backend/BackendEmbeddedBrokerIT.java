package io.pcmsim.backend;

import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link BackendScenarioContract} against the embedded HiveMQ CE broker (one per class). */
class BackendEmbeddedBrokerIT extends BackendScenarioContract {

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
}
