package io.pcmsim.tools.e2e;

import io.pcmsim.backend.testing.ExternalServices;
import org.junit.jupiter.api.BeforeAll;

/**
 * The fleet-to-backend contract on Mosquitto at 127.0.0.1:1883. Mosquitto may be shared with other
 * runs, so the fleet's seed (and with it every VIN) is new each time.
 */
class FleetToBackendMosquittoIT extends FleetToBackendContract {

    @BeforeAll
    static void mosquitto() {
        ExternalServices.requireMosquitto();
    }

    @Override
    String host() {
        return ExternalServices.HOST;
    }

    @Override
    int port() {
        return ExternalServices.MOSQUITTO_PORT;
    }

    @Override
    long seed() {
        return System.nanoTime();
    }
}
