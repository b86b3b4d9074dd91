package io.pcmsim.backend;

import io.pcmsim.backend.testing.ExternalServices;
import org.junit.jupiter.api.BeforeAll;

/** {@link BackendRestartContract} on Mosquitto at 127.0.0.1:1883. Skipped without it, failed with CI=true. */
class BackendRestartMosquittoIT extends BackendRestartContract {

    @BeforeAll
    static void requireMosquitto() {
        ExternalServices.requireMosquitto();
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
