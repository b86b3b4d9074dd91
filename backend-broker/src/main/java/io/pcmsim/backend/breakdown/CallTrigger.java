package io.pcmsim.backend.breakdown;

/** Where a breakdown call was placed. */
public enum CallTrigger {
    /** The driver pressed the breakdown button in the car, which sent its report. */
    IN_CAR,
    /** The call was placed in the app; the backend pulled the data from the car. */
    APP_PULL
}
