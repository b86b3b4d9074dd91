package io.pcmsim.vehicle.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a car is used: its yearly distance, its trips and how hard it is driven. The wear model integrates it:
 * distance wears oil, pads and washer fluid; driving time charges the 12 V battery (4 % an hour) and parking
 * drains it (1.5 to 2 % a day), so a commuter's battery stays charged (at least half an hour's driving a day)
 * and a rarely driven car's runs down (at most 20 minutes a day); hard driving wears pads and ages the oil
 * faster.
 */
public enum DrivingProfile {
    /** Daily trips to work and back: 10,000 to 20,000 km a year, mostly in town and on the ring road. */
    COMMUTER("commuter", 10_000, 20_000, 30, 50, 10, 1.0, 1.0),
    /** Spirited driving on country roads and the track: pads wear faster, oil ages faster. */
    SPORTY("sporty", 8_000, 18_000, 45, 70, 4, 1.8, 1.4),
    /** Motorway trips of hundreds of km: 30,000 to 50,000 km a year, little braking. */
    LONG_DISTANCE("long-distance", 30_000, 50_000, 80, 110, 3, 0.6, 0.9),
    /** Driven a few times a month: 1,500 to 5,000 km a year; long parking drains the 12 V battery. */
    RARELY_DRIVEN("rarely-driven", 1_500, 5_000, 40, 60, 0.7, 1.0, 1.0);

    private final String label;
    private final double minAnnualKm;
    private final double maxAnnualKm;
    private final double minAverageSpeedKmh;
    private final double maxAverageSpeedKmh;
    private final double tripsPerWeek;
    private final double padWearFactor;
    private final double oilWearFactor;

    DrivingProfile(String label, double minAnnualKm, double maxAnnualKm, double minAverageSpeedKmh,
            double maxAverageSpeedKmh, double tripsPerWeek, double padWearFactor, double oilWearFactor) {
        this.label = label;
        this.minAnnualKm = minAnnualKm;
        this.maxAnnualKm = maxAnnualKm;
        this.minAverageSpeedKmh = minAverageSpeedKmh;
        this.maxAverageSpeedKmh = maxAverageSpeedKmh;
        this.tripsPerWeek = tripsPerWeek;
        this.padWearFactor = padWearFactor;
        this.oilWearFactor = oilWearFactor;
    }

    /** The name users type, e.g. {@code long-distance}. */
    public String label() {
        return label;
    }

    /** Distance a year of a car with this profile at {@code unit} (0 to 1) of the profile's range, km. */
    public double annualKm(double unit) {
        return minAnnualKm + unit * (maxAnnualKm - minAnnualKm);
    }

    /** Smallest yearly distance of the profile, km. */
    public double minAnnualKm() {
        return minAnnualKm;
    }

    /** Largest yearly distance of the profile, km. */
    public double maxAnnualKm() {
        return maxAnnualKm;
    }

    /** Average trip speed at {@code unit} (0 to 1) of the profile's range, km/h. */
    public double averageSpeedKmh(double unit) {
        return minAverageSpeedKmh + unit * (maxAverageSpeedKmh - minAverageSpeedKmh);
    }

    /** Trips a week. */
    public double tripsPerWeek() {
        return tripsPerWeek;
    }

    /** How much faster than a commuter the brake pads wear per km. */
    public double padWearFactor() {
        return padWearFactor;
    }

    /** How much faster than a commuter the engine oil wears per km. */
    public double oilWearFactor() {
        return oilWearFactor;
    }

    /** The profile named {@code label}. */
    public static Optional<DrivingProfile> byLabel(String label) {
        return Arrays.stream(values()).filter(p -> p.label.equals(label)).findFirst();
    }

    @Override
    public String toString() {
        return label;
    }
}
