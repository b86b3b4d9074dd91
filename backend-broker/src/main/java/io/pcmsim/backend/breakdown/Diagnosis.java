package io.pcmsim.backend.breakdown;

import io.pcmsim.backend.Severity;
import java.util.List;
import java.util.Optional;

/**
 * The live diagnosis of a report: each fault log entry explained by the knowledge base of SAE J2012
 * codes, the most serious severity, whether the car may be driven on, and the recommended actions.
 *
 * @param drivable {@code YES}, {@code LIMITED} (a short distance at low speed) or {@code NO} (towing or
 *     help on the spot)
 */
public record Diagnosis(List<Fault> faults, Severity severity, String drivable, List<String> recommendedActions) {

    public Diagnosis {
        faults = List.copyOf(faults);
        recommendedActions = List.copyOf(recommendedActions);
    }

    /**
     * One fault log entry explained.
     *
     * @param entry as the car sent it, e.g. {@code "P0301 cylinder 1 misfire"}
     * @param code the SAE J2012 code read from it, if any
     * @param title the code's title, when the knowledge base knows the code
     * @param system the system it belongs to, when known
     * @param severity how serious, when known
     */
    public record Fault(String entry, Optional<String> code, Optional<String> title, Optional<String> system,
            Optional<Severity> severity) {
    }
}
