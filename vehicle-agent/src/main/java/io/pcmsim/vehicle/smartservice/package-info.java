/**
 * Smart Service settings of the public API: the limits a car watches ({@link io.pcmsim.vehicle.smartservice.Thresholds}).
 *
 * <p>Nothing in this package accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package io.pcmsim.vehicle.smartservice;

import org.jspecify.annotations.NullMarked;
