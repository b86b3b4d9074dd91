/**
 * {@code pcmsim fleet}: emulated cars against any MQTT broker, with a live status line and a report.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package io.pcmsim.tools.fleet;

import org.jspecify.annotations.NullMarked;
