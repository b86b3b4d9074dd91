package io.pcmsim.tools.e2e;

import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fleet-to-backend contract on the embedded HiveMQ CE broker. */
class FleetToBackendEmbeddedIT extends FleetToBackendContract {

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();

    @Override
    String host() {
        return BROKER.host();
    }

    @Override
    int port() {
        return BROKER.port();
    }

    @Override
    long seed() {
        return 20_27;
    }
}
