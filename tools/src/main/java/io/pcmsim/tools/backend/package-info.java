/** {@code pcmsim backend}: the backend with its HTTP API, on the embedded broker or another one. */
@NullMarked
package io.pcmsim.tools.backend;

import org.jspecify.annotations.NullMarked;
