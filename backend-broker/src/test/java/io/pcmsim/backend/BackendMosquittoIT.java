package io.pcmsim.backend;

import io.pcmsim.backend.testing.ExternalServices;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link BackendScenarioContract} against Mosquitto at 127.0.0.1:1883 (shared with others: unique VINs,
 * client ids and shared groups per test). Skipped without Mosquitto, failed with CI=true.
 */
class BackendMosquittoIT extends BackendScenarioContract {

    @BeforeAll
    static void requireMosquitto() {
        ExternalServices.requireMosquitto();
    }

    /** Mosquitto's default max_queued_messages (1000 per session) drops QoS 1 messages beyond it. */
    @Override
    int burstPerVehicle() {
        return 80;
    }

    @Override
    String brokerHost() {
        return ExternalServices.HOST;
    }

    @Override
    int brokerPort() {
        return ExternalServices.MOSQUITTO_PORT;
    }
}
