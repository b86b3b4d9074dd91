package io.pcmsim.vehicle.internal.breakdown;

import io.pcmsim.vehicle.model.VehicleModel;
import io.pcmsim.vehicle.model.VehicleProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Where the car is, deterministically: a home position in Europe chosen by the car's seed, then movement
 * while the {@link VehicleModel} is on a trip, at the trip's pace, along a winding course that depends only
 * on the distance covered (so the result does not depend on how often it is advanced). Parked, the car
 * stays put. The recent track (a point every {@link #TRACK_STEP} while moving, the last
 * {@link #TRACK_WINDOW} only) stays in the car; it leaves only inside a breakdown report.
 *
 * <p>Confined to the vehicle's lane.
 */
final class PositionModel {

    /** Spacing of the track's points, simulated time. */
    static final Duration TRACK_STEP = Duration.ofSeconds(30);
    /** How far back the track reaches. */
    static final Duration TRACK_WINDOW = Duration.ofMinutes(5);
    private static final int MAX_POINTS = (int) (TRACK_WINDOW.toSeconds() / TRACK_STEP.toSeconds());
    /** The course changes direction every this many km. */
    private static final double SEGMENT_KM = 0.5;
    private static final double KM_PER_DEGREE = 111.195;
    /** Home positions: city centres the car lives within 15 km of. */
    private static final double[][] CITIES = {
        {48.7758, 9.1829}, {48.1374, 11.5755}, {53.5511, 9.9937}, {52.5200, 13.4050}, {50.9375, 6.9603},
        {50.1109, 8.6821}, {48.2082, 16.3738}, {47.3769, 8.5417}, {45.4642, 9.1900}, {45.7640, 4.8357},
        {52.3676, 4.9041}, {55.6761, 12.5683}, {51.5074, -0.1278}, {48.8566, 2.3522}, {40.4168, -3.7038},
    };

    /** A point of the recent track. */
    record Point(double latitude, double longitude, Instant time) {
    }

    private final VehicleModel model;
    private final double baseHeading;
    private final double phase;
    /** Kilometres per degree of longitude, at home: within a car's range the map is taken as flat. */
    private final double kmPerLongitudeDegree;
    private final ArrayDeque<Point> track = new ArrayDeque<>();
    private double latitude;
    private double longitude;
    private double drivenKm;
    private Instant time;

    PositionModel(VehicleProfile profile, VehicleModel model) {
        this.model = Objects.requireNonNull(model, "model");
        SplittableRandom random = new SplittableRandom(profile.noiseSeed() ^ 0x5DEECE66DL);
        double[] city = CITIES[random.nextInt(CITIES.length)];
        double bearing = random.nextDouble(0, 2 * Math.PI);
        double km = random.nextDouble(0, 15);
        this.latitude = city[0] + km * Math.cos(bearing) / KM_PER_DEGREE;
        this.longitude = city[1] + km * Math.sin(bearing) / (KM_PER_DEGREE * Math.cos(Math.toRadians(city[0])));
        this.kmPerLongitudeDegree = KM_PER_DEGREE * Math.cos(Math.toRadians(latitude));
        this.baseHeading = random.nextDouble(0, 360);
        this.phase = random.nextDouble(0, 2 * Math.PI);
        this.time = profile.start();
    }

    /** Moves the car by the trips' distance up to {@code now}; an earlier instant changes nothing. */
    void advanceTo(Instant now) {
        if (!now.isAfter(time)) {
            return;
        }
        Instant windowStart = now.minus(TRACK_WINDOW);
        if (time.isBefore(windowStart)) {
            move(model.tripDistanceKm(time, windowStart));
            time = windowStart;
        }
        long step = TRACK_STEP.toSeconds();
        Instant next = Instant.ofEpochSecond(Math.floorDiv(time.getEpochSecond(), step) * step + step);
        while (!next.isAfter(now)) {
            double km = model.tripDistanceKm(time, next);
            move(km);
            if (km > 0) {
                track.addLast(new Point(latitude, longitude, next));
            }
            time = next;
            next = next.plus(TRACK_STEP);
        }
        move(model.tripDistanceKm(time, now));
        time = now;
        while (!track.isEmpty() && (track.size() > MAX_POINTS || track.peekFirst().time().isBefore(windowStart))) {
            track.removeFirst();
        }
    }

    double latitude() {
        return latitude;
    }

    double longitude() {
        return longitude;
    }

    /** The direction of travel now (the last one when parked), degrees clockwise from north, 0 to 360. */
    double headingDeg() {
        return heading(segment(drivenKm));
    }

    /** When the position was last fixed. */
    Instant fixTime() {
        return time;
    }

    /** The track of the last {@link #TRACK_WINDOW} before {@code now}, oldest first. */
    List<Point> recentTrack(Instant now) {
        Instant from = now.minus(TRACK_WINDOW);
        return track.stream().filter(p -> !p.time().isBefore(from) && !p.time().isAfter(now)).toList();
    }

    private void move(double km) {
        double left = km;
        while (left > 1e-9) {
            long segment = segment(drivenKm);
            double room = (segment + 1) * SEGMENT_KM - drivenKm;
            double part = Math.min(left, room);
            double heading = Math.toRadians(heading(segment));
            latitude += part * Math.cos(heading) / KM_PER_DEGREE;
            longitude += part * Math.sin(heading) / kmPerLongitudeDegree;
            latitude = Math.max(36, Math.min(70, latitude));
            longitude = Math.max(-10, Math.min(30, longitude));
            drivenKm += part;
            left -= part;
        }
    }

    private static long segment(double km) {
        return (long) Math.floor(km / SEGMENT_KM + 1e-9);
    }

    private double heading(long segment) {
        double h = baseHeading + 60 * Math.sin(segment / 6.0 + phase) + 25 * Math.sin(segment / 1.7);
        return ((h % 360) + 360) % 360;
    }
}
