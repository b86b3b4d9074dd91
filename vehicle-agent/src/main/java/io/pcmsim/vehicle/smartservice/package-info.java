/**
 * Smart Service types of the public API: the limits a car watches ({@link io.pcmsim.vehicle.smartservice.Thresholds})
 * and the navigation destination the backend sent for an appointment
 * ({@link io.pcmsim.vehicle.smartservice.NavigationDestination}).
 *
 * <p>Nothing in this package accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package io.pcmsim.vehicle.smartservice;

import org.jspecify.annotations.NullMarked;
