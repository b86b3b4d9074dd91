/**
 * The unit every service of the car implements ({@link io.pcmsim.vehicle.internal.service.VehicleService}).
 * Not an API.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package io.pcmsim.vehicle.internal.service;

import org.jspecify.annotations.NullMarked;
