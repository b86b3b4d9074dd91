/**
 * The owner's manual ("good to know") for the backend's users ({@link io.pcmsim.backend.manual.OwnersManual}):
 * manual profiles, favourites and recently visited chapters per car, the chapters linked to each message code,
 * anonymised usage statistics and the counts.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package io.pcmsim.backend.manual;

import org.jspecify.annotations.NullMarked;
