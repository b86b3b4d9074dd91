/**
 * The map provider's implementation. It uses the protocol module and nothing of the backend: the provider
 * is a separate party. Not an API.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package io.pcmsim.backend.internal.mapprovider;

import org.jspecify.annotations.NullMarked;
