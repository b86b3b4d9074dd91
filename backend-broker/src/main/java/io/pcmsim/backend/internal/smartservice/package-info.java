/**
 * Smart Service: its handler (reports, reported states, the maintenance needs derived from each
 * vehicle's newest state), the maintenance rules and the needs queries.
 */
@NullMarked
package io.pcmsim.backend.internal.smartservice;

import org.jspecify.annotations.NullMarked;
