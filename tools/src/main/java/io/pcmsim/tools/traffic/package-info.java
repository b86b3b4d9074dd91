/**
 * Recording and replay of the protocol's traffic: {@code pcmsim record} writes what crosses a broker to
 * a recording file ({@link io.pcmsim.tools.traffic.RecordingWriter}, format in docs/recording.md),
 * {@code pcmsim replay} plays a recording back against any broker, {@code pcmsim tap} prints live traffic
 * decoded and {@code pcmsim recording to-json} turns a recording into JSON lines.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package io.pcmsim.tools.traffic;

import org.jspecify.annotations.NullMarked;
