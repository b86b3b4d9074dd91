package io.pcmsim.backend.storage;

import java.util.List;

/**
 * What one committed batch did.
 *
 * @param stored the records that were new, in batch order
 * @param duplicates records whose (vin, boot id, sequence) was already stored (or earlier in the batch)
 * @param vehiclesWithNewNeeds vehicles whose maintenance needs were recomputed
 */
public record WriteResult(List<UplinkRecord> stored, int duplicates, int vehiclesWithNewNeeds) {
    public WriteResult {
        stored = List.copyOf(stored);
    }
}
