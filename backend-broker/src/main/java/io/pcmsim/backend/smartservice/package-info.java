/**
 * Smart Service as the backend's users see it ({@link io.pcmsim.backend.Backend#smartService()}): collection
 * settings sent to cars and what they applied, maintenance needs with their lifecycle, the owner's preferred
 * dealer and workshop appointments, which the dealer books.
 */
@NullMarked
package io.pcmsim.backend.smartservice;

import org.jspecify.annotations.NullMarked;
