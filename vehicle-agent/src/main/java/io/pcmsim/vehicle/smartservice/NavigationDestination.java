package io.pcmsim.vehicle.smartservice;

import java.time.Instant;
import java.util.Objects;

/**
 * The navigation destination the backend sent the car for a workshop appointment (a
 * {@code NavigationDestination} on {@code down/smart-service}).
 *
 * @param appointmentId the backend's appointment
 * @param requestId the id of the car's appointment request; empty when the appointment was requested in the app
 * @param dealerId the dealer's id in the backend's directory
 * @param dealerName the dealer's name
 * @param address street, city and country in one line
 * @param latitude degrees, -90 to 90
 * @param longitude degrees, -180 to 180
 * @param receivedAt the car's clock when it arrived
 */
public record NavigationDestination(String appointmentId, String requestId, String dealerId, String dealerName,
        String address, double latitude, double longitude, Instant receivedAt) {

    public NavigationDestination {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (Objects.requireNonNull(appointmentId, "appointmentId").isBlank()) {
            throw new IllegalArgumentException("a navigation destination needs its appointment id");
        }
        if (Objects.requireNonNull(dealerId, "dealerId").isBlank()
                || Objects.requireNonNull(dealerName, "dealerName").isBlank()) {
            throw new IllegalArgumentException("a navigation destination needs the dealer's id and name");
        }
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("destination position " + latitude + "," + longitude
                    + " is outside -90..90, -180..180");
        }
    }
}
