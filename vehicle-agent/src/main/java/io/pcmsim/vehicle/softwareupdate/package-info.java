/**
 * Online software update, the car's side of the public API: how a fleet's cars decide on offers and which
 * release key they trust ({@link io.pcmsim.vehicle.softwareupdate.SoftwareUpdatePolicy}), the driver's
 * decision ({@link io.pcmsim.vehicle.softwareupdate.UpdateDecision}) and what a car is doing with an update
 * ({@link io.pcmsim.vehicle.softwareupdate.UpdateProgress}).
 *
 * <p>Nothing in this package accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package io.pcmsim.vehicle.softwareupdate;

import org.jspecify.annotations.NullMarked;
