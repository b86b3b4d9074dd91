package io.pcmsim.protocol;

/** The two service groups a driver can switch off in the car. */
public enum ServiceGroup {
    /** Breakdown call: the only service that transmits location and movement. */
    WITH_LOCATION,
    /** Smart Service, software update, owner's manual and map update. */
    WITHOUT_LOCATION
}
