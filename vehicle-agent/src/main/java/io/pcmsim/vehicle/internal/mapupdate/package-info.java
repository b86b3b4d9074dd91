/**
 * Online map update in the car: the entitlement request at login (on the VIN topic, behind the privacy
 * gate), and at each vehicle start a short-lived connection of its own to the map provider that carries only
 * the anonymous key and map versions. Not an API.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package io.pcmsim.vehicle.internal.mapupdate;

import org.jspecify.annotations.NullMarked;
