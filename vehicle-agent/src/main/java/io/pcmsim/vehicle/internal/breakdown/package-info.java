/**
 * The breakdown call on the car's side: the report the driver triggers (or a data pull asks for), with
 * the car's position, movement and recent track from a small deterministic position model. Not an API.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package io.pcmsim.vehicle.internal.breakdown;

import org.jspecify.annotations.NullMarked;
