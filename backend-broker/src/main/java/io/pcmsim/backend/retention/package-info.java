/**
 * Retention: each data class the backend keeps (declared by the service it belongs to) is deleted once its
 * period, counted from when the backend received it, has passed. {@link io.pcmsim.backend.retention.Retention}
 * runs the deletion daily on the backend's clock, on demand, and lists the runs with what each deleted and why.
 */
@NullMarked
package io.pcmsim.backend.retention;

import org.jspecify.annotations.NullMarked;
