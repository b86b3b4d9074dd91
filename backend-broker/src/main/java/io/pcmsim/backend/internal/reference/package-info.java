/** Reference data shipped with the backend (knowledge bases, directories) and how it is read. */
@NullMarked
package io.pcmsim.backend.internal.reference;

import org.jspecify.annotations.NullMarked;
