package io.pcmsim.backend.mapprovider;

import io.pcmsim.protocol.AnonymousMapKey;

/**
 * What the map provider reports, by anonymous key only. Called on the provider's own thread, one event at a
 * time; implementations must not block for long and must not throw.
 */
public interface MapProviderEvents {

    /** Reports nothing. */
    MapProviderEvents NONE = new MapProviderEvents() {
    };

    /** A car with {@code key} asked which map versions are current. */
    default void checked(AnonymousMapKey key) {
    }

    /** {@code key} was offered {@code release} and its package is being sent. */
    default void offered(AnonymousMapKey key, MapRelease release) {
    }

    /** A car installed a map package: the transfer to document. */
    default void transferred(MapTransfer transfer) {
    }
}
