/**
 * Vehicle model: profiles generated from a seed and the physical state (wear, battery, tyres, service counters) evolving on simulated time.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package io.pcmsim.vehicle.model;

import org.jspecify.annotations.NullMarked;
