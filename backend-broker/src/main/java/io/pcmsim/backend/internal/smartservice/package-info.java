/**
 * Smart Service: its handler (each vehicle's newest reported state and the maintenance needs derived
 * from it), the maintenance rules and the needs queries.
 */
@NullMarked
package io.pcmsim.backend.internal.smartservice;

import org.jspecify.annotations.NullMarked;
