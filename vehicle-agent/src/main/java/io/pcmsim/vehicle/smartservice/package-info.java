/**
 * Smart Service threshold detection: limits, hysteresis, rising-edge reporting and coalescing within a minimum interval.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package io.pcmsim.vehicle.smartservice;

import org.jspecify.annotations.NullMarked;
