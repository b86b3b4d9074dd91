package io.pcmsim.backend.mapupdate;

import io.pcmsim.backend.mapprovider.MapCatalogue;
import io.pcmsim.protocol.AnonymousMapKey;
import io.pcmsim.protocol.Vin;
import java.util.List;

/**
 * Map update for operators: the map provider's catalogue, the transfers documented by key, entitlement
 * revocation and the counts. Thread-safe; usable once the backend has started.
 */
public interface MapUpdates {

    /** The map versions per region (list, publish); a published version reaches cars at their next start. */
    MapCatalogue catalogue();

    /** The transfers documented for {@code key}, oldest first. */
    List<DocumentedTransfer> transfers(AnonymousMapKey key);

    /** The newest {@code limit} documented transfers, newest first. */
    List<DocumentedTransfer> recentTransfers(int limit);

    /**
     * Revokes every key issued to {@code vin} at the map provider (e.g. the connectivity package ended): the
     * only use of the backend's VIN-to-key table.
     *
     * @return how many keys were revoked
     */
    int revoke(Vin vin);

    MapUpdateCounts counts();
}
