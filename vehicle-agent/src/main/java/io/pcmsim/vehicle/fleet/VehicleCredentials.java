package io.pcmsim.vehicle.fleet;

import io.pcmsim.protocol.Vin;
import java.util.Optional;

/**
 * The credentials each car connects with, for brokers that want them. Asked once per car when the
 * fleet is created, so a car without the credentials it needs fails {@link Fleet#create} instead of
 * failing to connect later.
 */
@FunctionalInterface
public interface VehicleCredentials {

    /**
     * The credentials of the car {@code vin}; empty: it connects without user name and password.
     *
     * @throws IllegalArgumentException when the car has none but needs them; the message names it
     */
    Optional<MqttCredentials> forVehicle(Vin vin);

    /** Every car connects without user name and password (the default). */
    static VehicleCredentials none() {
        return vin -> Optional.empty();
    }
}
