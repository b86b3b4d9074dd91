package io.pcmsim.backend.internal.breakdown;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Extended information on one entry of a car's fault log.
 *
 * @param entry the fault log entry as the car sent it, e.g. {@code "P0301 cylinder 1 misfire"}
 * @param code the trouble code read from the entry, empty when the entry does not start with one
 * @param known what the knowledge base knows of the code, null when it does not know it
 */
public record FaultDiagnosis(String entry, Optional<String> code, @Nullable TroubleCode known) {

    /** Whether the knowledge base knows this entry's code. */
    public boolean isKnown() {
        return known != null;
    }
}
