/** HiveMQ CE configuration and extension; implementation detail of {@link io.pcmsim.backend.broker.EmbeddedBroker}. */
@NullMarked
package io.pcmsim.backend.internal.broker;

import org.jspecify.annotations.NullMarked;
