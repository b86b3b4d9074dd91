/**
 * The retention job behind {@link io.pcmsim.backend.retention.Retention}: collects the data classes the
 * services declare, deletes each in bounded batches as of a run's instant, records the runs
 * ({@code retention_run}, {@code retention_run_class}) and runs daily on the backend's clock.
 */
@NullMarked
package io.pcmsim.backend.internal.retention;

import org.jspecify.annotations.NullMarked;
