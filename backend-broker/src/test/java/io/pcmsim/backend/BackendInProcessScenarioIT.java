package io.pcmsim.backend;

import io.pcmsim.backend.broker.EmbeddedBroker;
import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link BackendScenarioContract} with the backend inside the embedded broker ({@link Backend#inProcess}):
 * the same behaviour as over MQTT.
 */
class BackendInProcessScenarioIT extends BackendScenarioContract {

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension(EmbeddedBroker.Builder::inProcessIngest);

    @Override
    Backend createBackend(BackendConfig config) {
        return Backend.inProcess(config, BROKER.broker());
    }

    /** A client's publishes reach the backend one at a time (each waits for the previous one's commit). */
    @Override
    int burstPerVehicle() {
        return 30;
    }

    @Override
    String brokerHost() {
        return BROKER.host();
    }

    @Override
    int brokerPort() {
        return BROKER.port();
    }
}
