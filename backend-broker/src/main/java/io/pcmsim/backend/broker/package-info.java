/** Embedded MQTT broker (HiveMQ CE) for the zero-setup default and for tests. */
@NullMarked
package io.pcmsim.backend.broker;

import org.jspecify.annotations.NullMarked;
