/**
 * Online map update in the backend: the entitlement check of a car's VIN at login, the anonymous keys it
 * issues and registers with the map provider, the catalogue of map versions for operators, and the
 * transfers documented by key (never by VIN).
 *
 * <p>Nothing in this package accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package io.pcmsim.backend.mapupdate;

import org.jspecify.annotations.NullMarked;
