/**
 * The MQTT session of a vehicle: HiveMQ client links (MQTT 5 and 3.1.1) with Last Will and reconnect, the uplink channel (gate, outbox, header stamping) and the executors all vehicles share.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package io.pcmsim.vehicle.session;

import org.jspecify.annotations.NullMarked;
