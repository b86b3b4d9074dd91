/** Maintenance and repair needs derived from a vehicle's reported state. */
@NullMarked
package io.pcmsim.backend.internal.smartservice;

import org.jspecify.annotations.NullMarked;
