package io.pcmsim.vehicle.fleet;

import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.UplinkHeader;
import io.pcmsim.protocol.Vin;

/**
 * An uplink message a vehicle handed to its MQTT connection.
 *
 * @param topic the uplink topic, {@code pcm/v1/vehicles/{vin}/up/{service}}
 * @param header the header it carries
 */
public record PublishedMessage(Vin vin, Service service, String topic, UplinkHeader header) {
}
