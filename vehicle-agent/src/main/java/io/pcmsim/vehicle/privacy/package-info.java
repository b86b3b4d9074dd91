/**
 * Driver settings (privacy mode, service groups, per-service toggles, total shutdown) as the car enforces them.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package io.pcmsim.vehicle.privacy;

import org.jspecify.annotations.NullMarked;
