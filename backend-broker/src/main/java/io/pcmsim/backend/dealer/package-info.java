/** The directory of dealers (workshops) the backend knows, with their positions. */
@NullMarked
package io.pcmsim.backend.dealer;

import org.jspecify.annotations.NullMarked;
