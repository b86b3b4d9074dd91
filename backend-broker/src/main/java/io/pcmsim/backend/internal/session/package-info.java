/**
 * The session service: a car's login (its driver settings and capabilities) at the start of every
 * connection. No vehicle state: that travels only in a service's own messages.
 */
@NullMarked
package io.pcmsim.backend.internal.session;

import org.jspecify.annotations.NullMarked;
