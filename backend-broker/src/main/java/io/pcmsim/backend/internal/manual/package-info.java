/**
 * The owner's manual on the backend side: its handler, the manual index, its tables, retention and queries.
 * Not an API.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package io.pcmsim.backend.internal.manual;

import org.jspecify.annotations.NullMarked;
