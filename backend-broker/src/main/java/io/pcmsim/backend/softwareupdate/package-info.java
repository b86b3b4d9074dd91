/**
 * Online software update on the backend: signed releases, campaigns rolled out in waves that halt on their own
 * when a wave fails too often, the entitlement check before any offer, the versions each car reports and the
 * update records. Reached through {@link io.pcmsim.backend.Backend#softwareUpdate()}.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package io.pcmsim.backend.softwareupdate;

import org.jspecify.annotations.NullMarked;
