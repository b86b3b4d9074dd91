/**
 * The breakdown call on the backend: a case per call, what of it reaches the Assistance and the dealer
 * (only with the consent given in that call), the live diagnosis for capable cars, and calls placed in
 * the app, which pull the data from the car. Reached through {@link io.pcmsim.backend.Backend#breakdown()}.
 */
@NullMarked
package io.pcmsim.backend.breakdown;

import org.jspecify.annotations.NullMarked;
