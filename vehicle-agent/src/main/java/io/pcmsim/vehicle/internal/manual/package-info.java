/**
 * The car's owner's manual service ({@link io.pcmsim.vehicle.internal.manual.ManualService}). Not an API.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package io.pcmsim.vehicle.internal.manual;

import org.jspecify.annotations.NullMarked;
