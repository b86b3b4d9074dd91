/**
 * Online software update in the car: polls, offers checked against the car (model, downgrade, trusted key),
 * the driver's decision, the download in chunks that resumes at the first missing chunk, the package's
 * SHA-256 and Ed25519 signature, and the install on simulated time. Not an API.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package io.pcmsim.vehicle.internal.softwareupdate;

import org.jspecify.annotations.NullMarked;
