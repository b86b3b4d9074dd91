/**
 * The map provider: a party of its own next to the backend. It keeps a catalogue of map versions per
 * region, answers the cars' version queries on {@code maps/v1/{anonymous-key}/...}, sends newer maps in
 * chunks and reports each transfer by key. It knows anonymous keys only: the backend registers and revokes
 * them through {@link io.pcmsim.backend.mapprovider.MapKeyRegistration}, which carries the key and nothing
 * else, and the provider imports nothing of the backend.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package io.pcmsim.backend.mapprovider;

import org.jspecify.annotations.NullMarked;
