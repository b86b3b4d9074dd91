package io.pcmsim.backend;

/** The part or service a {@link MaintenanceNeed} is about. */
public enum Component {
    ENGINE_OIL,
    BRAKE_PADS,
    LOW_VOLTAGE_BATTERY,
    TIRE_PRESSURE,
    SERVICE_INTERVAL,
    /** Stored diagnostic trouble codes that a workshop should read out. */
    DIAGNOSTIC_TROUBLE_CODES
}
