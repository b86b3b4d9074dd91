/**
 * Breakdown call: the live diagnosis's knowledge base of generic SAE J2012 trouble codes and the
 * diagnosis computed from a car's fault log.
 */
@NullMarked
package io.pcmsim.backend.internal.breakdown;

import org.jspecify.annotations.NullMarked;
