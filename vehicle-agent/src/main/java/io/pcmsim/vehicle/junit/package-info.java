/**
 * Emulated cars inside another team's JUnit 5 tests: {@link io.pcmsim.vehicle.junit.EmulatedCars} starts a
 * fleet against the team's own broker (and so its backend) before the tests, waits until every car is
 * connected, injects the {@link io.pcmsim.vehicle.fleet.Fleet} and its cars into test methods, and stops it
 * afterwards.
 *
 * <p>JUnit Jupiter is an optional dependency of {@code pcmsim-vehicle-agent}: a test suite that uses this
 * package brings its own {@code junit-jupiter}; nothing else in the module needs it.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package io.pcmsim.vehicle.junit;

import org.jspecify.annotations.NullMarked;
