package io.pcmsim.backend;

/** The part or service a {@link MaintenanceNeed} is about. */
public enum Component {
    ENGINE_OIL,
    BRAKE_PADS,
    LOW_VOLTAGE_BATTERY,
    TIRE_PRESSURE,
    SERVICE_INTERVAL,
    /** Stored diagnostic trouble codes that a workshop should read out. */
    DIAGNOSTIC_TROUBLE_CODES,
    /** Engine oil level low: top up (cars with an engine). */
    ENGINE_OIL_LEVEL,
    /** Brake fluid older than its change interval of two years. */
    BRAKE_FLUID,
    /** High-voltage battery health low (plug-in hybrid and battery-electric cars). */
    HIGH_VOLTAGE_BATTERY,
    /** Washer fluid low. */
    WASHER_FLUID
}
