/**
 * The car's session: login at every session start and the rebirth request. Not an API.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package io.pcmsim.vehicle.internal.session;

import org.jspecify.annotations.NullMarked;
