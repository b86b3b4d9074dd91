/**
 * Owner's manual ("good to know") types of the public API: the chapter links the backend sends for a message
 * shown in the cluster ({@link io.pcmsim.vehicle.manual.ManualLinks}), the outcome of a manual profile request
 * ({@link io.pcmsim.vehicle.manual.ProfileOutcome}) and how simulated drivers use the manual
 * ({@link io.pcmsim.vehicle.manual.ManualUse}).
 *
 * <p>Nothing in this package accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package io.pcmsim.vehicle.manual;

import org.jspecify.annotations.NullMarked;
