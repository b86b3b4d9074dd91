package io.pcmsim.backend;

import java.util.Map;

/**
 * The open maintenance needs of all vehicles, as stored.
 *
 * @param total number of open needs
 * @param byComponent open needs per component name ({@code ENGINE_OIL}, ...); every component, 0 when none
 * @param bySeverity open needs per severity name ({@code LOW} .. {@code CRITICAL}); every severity, 0 when none
 */
public record MaintenanceSummary(long total, Map<String, Long> byComponent, Map<String, Long> bySeverity) {
    public MaintenanceSummary {
        byComponent = Map.copyOf(byComponent);
        bySeverity = Map.copyOf(bySeverity);
    }
}
