package io.pcmsim.backend.internal.smartservice;

import io.pcmsim.backend.Component;
import io.pcmsim.backend.MaintenanceNeed;
import io.pcmsim.backend.Severity;
import io.pcmsim.backend.smartservice.NeedState;
import io.pcmsim.protocol.ReportedState;
import io.pcmsim.protocol.Vin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The lifecycle steps one vehicle's newest state takes for its needs, from the needs not resolved yet (at
 * most one per component) and what the state shows. A pure function: no I/O, thread-safe.
 *
 * <ul>
 *   <li>A need the state shows with no unresolved need of its component opens a new need.</li>
 *   <li>An unresolved need the state shows with another severity is updated. Due and reason alone take no
 *       step: they carry the live readings and move with nearly every report, and a reader takes them from the
 *       newest state ({@link NeedReads}).</li>
 *   <li>An unresolved need the state no longer shows is resolved when the state shows the part replaced
 *       ({@link ReplacementRules}) and is later, by the car's clock, than the report that last changed it;
 *       otherwise it stays as it is (the car has not been to the workshop).</li>
 * </ul>
 */
final class NeedLifecycle {

    /** A need not resolved yet, as stored. */
    record Unresolved(String needId, Vin vin, Component component, NeedState state, Severity severity,
                      Instant evidenceAt) {
    }

    /** A new need. */
    record Opened(String needId, MaintenanceNeed need, Instant vehicleTime) {
    }

    /** An unresolved need whose severity changed; written with the due and reason of that state. */
    record Updated(String needId, MaintenanceNeed need, Instant vehicleTime) {
    }

    /** A need the state shows resolved. */
    record Resolved(String needId, Instant vehicleTime, String evidence) {
    }

    /** What one state did to one vehicle's needs. */
    record Steps(List<Opened> opened, List<Updated> updated, List<Resolved> resolved) {
        boolean isEmpty() {
            return opened.isEmpty() && updated.isEmpty() && resolved.isEmpty();
        }
    }

    private NeedLifecycle() {
    }

    /**
     * @param unresolved the vehicle's needs not resolved yet
     * @param shown the needs {@code state} shows ({@link MaintenanceRules}), at most one per component
     * @param vehicleTime the car's clock of the report {@code state} came from
     */
    static Steps steps(List<Unresolved> unresolved, List<MaintenanceNeed> shown, ReportedState state,
            Instant vehicleTime) {
        Map<Component, Unresolved> byComponent = new EnumMap<>(Component.class);
        for (Unresolved u : unresolved) {
            byComponent.put(u.component(), u);
        }
        List<Opened> opened = new ArrayList<>();
        List<Updated> updated = new ArrayList<>();
        List<Resolved> resolved = new ArrayList<>();
        for (MaintenanceNeed need : shown) {
            Unresolved open = byComponent.remove(need.component());
            if (open == null) {
                opened.add(new Opened(UUID.randomUUID().toString(), need, vehicleTime));
            } else if (open.severity() != need.severity() && vehicleTime.isAfter(open.evidenceAt())) {
                updated.add(new Updated(open.needId(), need, vehicleTime));
            }
        }
        for (Unresolved open : byComponent.values()) {
            if (vehicleTime.isAfter(open.evidenceAt())) {
                ReplacementRules.replaced(open.component(), state)
                        .ifPresent(evidence -> resolved.add(new Resolved(open.needId(), vehicleTime, evidence)));
            }
        }
        return new Steps(opened, updated, resolved);
    }
}
