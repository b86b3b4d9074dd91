/**
 * From MQTT to the store, knowing no service: the MQTT session, the bounded queue, validation and
 * content limits, the batching writer, isolation of refused messages, the writer's health.
 */
@NullMarked
package io.pcmsim.backend.internal.ingest;

import org.jspecify.annotations.NullMarked;
