/**
 * Map update's implementation in the backend: the handler of the entitlement requests, the key and transfer
 * tables, retention. Not an API.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package io.pcmsim.backend.internal.mapupdate;

import org.jspecify.annotations.NullMarked;
