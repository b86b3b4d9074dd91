package io.pcmsim.backend;

/** How urgent a {@link MaintenanceNeed} is, from least to most urgent. */
public enum Severity {
    /** Worth mentioning at the next visit. */
    LOW,
    /** Plan a workshop visit. */
    MEDIUM,
    /** Visit a workshop soon. */
    HIGH,
    /** Stop driving or act today. */
    CRITICAL
}
