/**
 * {@code pcmsim vehicle}: one emulated car driven from a console, line by line from a terminal or a script,
 * on simulated time that {@code wait} moves ahead.
 */
@NullMarked
package io.pcmsim.tools.vehicle;

import org.jspecify.annotations.NullMarked;
