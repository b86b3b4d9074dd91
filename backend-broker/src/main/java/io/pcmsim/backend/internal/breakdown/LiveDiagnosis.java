package io.pcmsim.backend.internal.breakdown;

import io.pcmsim.backend.Severity;
import java.util.List;

/**
 * The live diagnosis of a breakdown report: each fault log entry explained, the most serious severity
 * and the least permissive drivability among them, and the recommended actions, most serious code
 * first, each action once.
 *
 * <p>An empty fault log gives severity {@link Severity#LOW}, drivability {@link Drivability#YES} and no
 * action; an entry the knowledge base does not know adds the action of reading the fault memory in a
 * workshop, since nothing can be said about it remotely.
 */
public record LiveDiagnosis(List<FaultDiagnosis> faults, Severity severity, Drivability drivable,
        List<String> recommendedActions) {

    public LiveDiagnosis {
        faults = List.copyOf(faults);
        recommendedActions = List.copyOf(recommendedActions);
    }

    /** The entries whose code the knowledge base does not know (manufacturer-specific or unlisted). */
    public List<FaultDiagnosis> unknown() {
        return faults.stream().filter(f -> !f.isKnown()).toList();
    }
}
