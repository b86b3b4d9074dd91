/**
 * {@code pcmsim map-provider}: the map provider on its own.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package io.pcmsim.tools.mapprovider;

import org.jspecify.annotations.NullMarked;
