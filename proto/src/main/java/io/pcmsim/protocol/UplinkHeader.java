package io.pcmsim.protocol;

import java.time.Instant;

/**
 * Header of an uplink message; {@code (vin, bootId, sequence)} identifies the message.
 *
 * @param bootId grows at every connect of the car
 * @param sequence grows by one per message within a boot, starting at 1
 * @param vehicleTime the car's clock when the message was produced
 */
public record UplinkHeader(Vin vin, long bootId, long sequence, Instant vehicleTime) {
}
