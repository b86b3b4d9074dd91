package io.pcmsim.backend.mapprovider;

import io.pcmsim.protocol.AnonymousMapKey;

/**
 * How the backend tells the map provider which anonymous keys are entitled: the key and nothing else (no
 * VIN, no name, no user ID). Thread-safe; idempotent.
 */
public interface MapKeyRegistration {

    /** {@code key} may query versions and receive maps from now on. */
    void register(AnonymousMapKey key);

    /** {@code key} may no longer; queries with it go unanswered. */
    void revoke(AnonymousMapKey key);
}
