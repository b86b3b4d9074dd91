/** Maintenance and repair needs derived from a vehicle's reported state. */
@NullMarked
package io.pcmsim.backend.maintenance;

import org.jspecify.annotations.NullMarked;
