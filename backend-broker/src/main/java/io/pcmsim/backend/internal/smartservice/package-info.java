/**
 * Smart Service: its handler (each vehicle's newest reported state, the maintenance needs derived from it
 * and their lifecycle as cases, the cars' acknowledgements of collection configs and their appointment
 * requests), the maintenance and replacement rules, the needs queries, and the implementation of the public
 * {@link io.pcmsim.backend.smartservice.SmartService} (configs, needs, preferred dealers, appointments).
 */
@NullMarked
package io.pcmsim.backend.internal.smartservice;

import org.jspecify.annotations.NullMarked;
