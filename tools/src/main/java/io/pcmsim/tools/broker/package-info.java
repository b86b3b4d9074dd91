/** A Mosquitto broker process of a command's own (benchmarks, tests). */
@NullMarked
package io.pcmsim.tools.broker;

import org.jspecify.annotations.NullMarked;
