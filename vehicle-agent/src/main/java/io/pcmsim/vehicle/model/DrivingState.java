package io.pcmsim.vehicle.model;

/**
 * Ignition and motion of a car. A car without a scenario stays {@link #PARKED} and wears by its annual
 * mileage alone; trips ({@code EmulatedVehicle.drive}) add their distance on top.
 */
public enum DrivingState {
    /** Ignition off, not moving. */
    PARKED,
    /** Started (a vehicle start happened), standing. */
    IGNITION_ON,
    /** On a trip: the car covers the trip's distance as simulated time passes. */
    DRIVING
}
