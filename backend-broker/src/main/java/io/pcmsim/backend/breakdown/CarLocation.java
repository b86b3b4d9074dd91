package io.pcmsim.backend.breakdown;

import io.pcmsim.backend.dealer.GeoPosition;
import java.time.Instant;
import java.util.Optional;

/**
 * Where the car was and how it moved when it reported, as it said.
 *
 * @param latitude WGS 84 degrees as sent (may be out of range: see {@link #position()})
 * @param longitude WGS 84 degrees as sent
 * @param headingDeg direction of travel, degrees clockwise from north
 * @param speedKmh speed, km/h
 * @param horizontalAccuracyM horizontal accuracy of the fix, metres
 * @param fixTime when the position was fixed
 */
public record CarLocation(double latitude, double longitude, double headingDeg, double speedKmh,
        double horizontalAccuracyM, Instant fixTime) {

    /** The position, when its coordinates are valid WGS 84 degrees. */
    public Optional<GeoPosition> position() {
        if (latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180) {
            return Optional.of(new GeoPosition(latitude, longitude));
        }
        return Optional.empty();
    }

    /** One point of the car's recent track. */
    public record TrackPoint(double latitude, double longitude, Instant time) {
    }
}
