package io.pcmsim.vehicle.fleet;

import io.pcmsim.protocol.Service;
import java.util.List;

/**
 * What one car sent and received: its newest {@link #capacity()} uplinks and downlinks each, oldest first,
 * and the totals since the fleet was created. Kept only when the fleet was configured with
 * {@link FleetConfig.Builder#history(int)}. Thread-safe; each call returns a copy.
 */
public interface MessageHistory {

    /** How many messages of each direction it keeps. */
    int capacity();

    /** The newest uplinks handed to the MQTT client, oldest first; at most {@link #capacity()}. */
    List<SentUplink> sent();

    /** The newest uplinks of {@code service}, oldest first. */
    default List<SentUplink> sent(Service service) {
        return sent().stream().filter(m -> m.service() == service).toList();
    }

    /** The newest downlinks received, oldest first; at most {@link #capacity()}. */
    List<ReceivedDownlink> received();

    /** Uplinks handed to the MQTT client since the start, also those no longer kept. */
    long sentTotal();

    /** Downlinks received since the start, also those no longer kept. */
    long receivedTotal();
}
