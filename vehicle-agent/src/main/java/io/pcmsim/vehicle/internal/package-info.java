/**
 * Implementation of the emulated vehicle; not an API, may change without notice.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package io.pcmsim.vehicle.internal;

import org.jspecify.annotations.NullMarked;
