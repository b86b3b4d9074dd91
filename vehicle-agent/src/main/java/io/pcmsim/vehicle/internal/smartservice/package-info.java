/**
 * Smart Service on the car: snapshot after login, periodic and threshold reports, collection config.
 * Not an API.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package io.pcmsim.vehicle.internal.smartservice;

import org.jspecify.annotations.NullMarked;
