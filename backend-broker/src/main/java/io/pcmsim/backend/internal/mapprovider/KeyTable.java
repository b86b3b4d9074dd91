package io.pcmsim.backend.internal.mapprovider;

import io.pcmsim.backend.mapprovider.MapKeyRegistration;
import io.pcmsim.protocol.AnonymousMapKey;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The anonymous keys registered with the provider. Thread-safe. */
public final class KeyTable implements MapKeyRegistration {

    private final Set<String> keys = ConcurrentHashMap.newKeySet();
    private final boolean acceptAny;

    /** @param acceptAny whether every well-formed key counts as registered */
    public KeyTable(boolean acceptAny) {
        this.acceptAny = acceptAny;
    }

    @Override
    public void register(AnonymousMapKey key) {
        keys.add(key.value());
    }

    @Override
    public void revoke(AnonymousMapKey key) {
        keys.remove(key.value());
    }

    boolean registered(AnonymousMapKey key) {
        return acceptAny || keys.contains(key.value());
    }

    public int size() {
        return keys.size();
    }
}
