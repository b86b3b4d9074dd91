/** The backend: consumes uplink messages, stores them once, derives maintenance needs. Entry point {@link io.pcmsim.backend.Backend}. */
@NullMarked
package io.pcmsim.backend;

import org.jspecify.annotations.NullMarked;
