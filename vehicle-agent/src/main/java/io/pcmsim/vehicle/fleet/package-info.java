/**
 * Fleet runner: builds a fleet of emulated vehicles from a seed, connects them, and reports counters. Entry points: {@link io.pcmsim.vehicle.fleet.Fleet}, {@link io.pcmsim.vehicle.fleet.FleetConfig}, {@link io.pcmsim.vehicle.fleet.EmulatedVehicle}.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package io.pcmsim.vehicle.fleet;

import org.jspecify.annotations.NullMarked;
