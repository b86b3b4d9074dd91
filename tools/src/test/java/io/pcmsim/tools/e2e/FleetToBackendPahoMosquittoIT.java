package io.pcmsim.tools.e2e;

import io.pcmsim.vehicle.fleet.MqttClientLibrary;

/** The fleet-to-backend contract on Mosquitto with the cars on the Eclipse Paho MQTT v5 client. */
class FleetToBackendPahoMosquittoIT extends FleetToBackendMosquittoIT {

    @Override
    MqttClientLibrary client() {
        return MqttClientLibrary.PAHO;
    }
}
