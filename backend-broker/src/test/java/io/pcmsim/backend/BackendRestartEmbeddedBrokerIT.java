package io.pcmsim.backend;

import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link BackendRestartContract} on the embedded HiveMQ CE broker. */
class BackendRestartEmbeddedBrokerIT extends BackendRestartContract {

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
