/** From MQTT to the store: validation, the bounded queue, the batching writer, the MQTT session. */
@NullMarked
package io.pcmsim.backend.internal.ingest;

import org.jspecify.annotations.NullMarked;
