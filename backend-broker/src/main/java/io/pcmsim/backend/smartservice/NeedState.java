package io.pcmsim.backend.smartservice;

/** The lifecycle of a maintenance need. */
public enum NeedState {
    /** A report showed the need; nothing is planned yet. */
    OPEN,
    /** The owner (app or car) asked a dealer for an appointment for it. */
    APPOINTMENT_REQUESTED,
    /** The dealer booked the appointment. */
    BOOKED,
    /** A later report (by the car's clock) showed the part replaced or the fault gone. Final. */
    RESOLVED
}
