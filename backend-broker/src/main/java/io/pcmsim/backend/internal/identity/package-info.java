/** The identity registry on the backend's database, and the enrolment of unknown VINs at their first login. */
@NullMarked
package io.pcmsim.backend.internal.identity;

import org.jspecify.annotations.NullMarked;
