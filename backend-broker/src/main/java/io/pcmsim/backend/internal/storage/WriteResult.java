package io.pcmsim.backend.internal.storage;

import io.pcmsim.backend.internal.service.UplinkRecord;
import java.util.List;

/**
 * What one committed batch did.
 *
 * @param stored the records that were new, in batch order
 * @param duplicates records whose (vin, boot id, sequence) was already stored (or earlier in the batch)
 */
public record WriteResult(List<UplinkRecord> stored, int duplicates) {
    public WriteResult {
        stored = List.copyOf(stored);
    }
}
