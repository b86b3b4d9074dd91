/**
 * The car's one way onto the network: {@link io.pcmsim.vehicle.internal.connection.VehicleConnection}
 * with the privacy gate, the uplink channel (header stamping, outbox, bounded retries) and the MQTT links
 * (HiveMQ client, MQTT 5 and 3.1.1, or the Paho MQTT 5 client; Last Will per boot, reconnect). Everything but the connection itself
 * and {@link io.pcmsim.vehicle.internal.connection.UplinkObserver} is package-private, so no code can reach
 * MQTT around the gate. Not an API.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package io.pcmsim.vehicle.internal.connection;

import org.jspecify.annotations.NullMarked;
