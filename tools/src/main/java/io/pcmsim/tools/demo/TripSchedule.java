package io.pcmsim.tools.demo;

import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import io.pcmsim.vehicle.model.VehicleProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trips of a demo: each car starts and drives as often as its driving profile says for the simulated
 * length of the run (a commuter ten times a week, a rarely driven car less than once), at least once and at
 * most {@value #MAX_TRIPS_PER_CAR} times, at times spread over the run from a twentieth to nineteen twentieths
 * of it. A trip lasts what the car's yearly distance divided over its trips gives at its profile's speed.
 * Every trip begins with a vehicle start, the moment a car polls for software updates and answers the map
 * provider's version query. Same seed, same trips.
 */
final class TripSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(TripSchedule.class);
    static final int MAX_TRIPS_PER_CAR = 3;
    private static final double WEEKS_PER_YEAR = 365.25 / 7;

    /** One planned trip, {@code at} a share of the run's duration. */
    record Trip(EmulatedVehicle car, double at, Duration duration, double distanceKm) {
    }

    private final List<Trip> trips;
    private final AtomicLong started = new AtomicLong();

    private TripSchedule(List<Trip> trips) {
        this.trips = trips;
    }

    /** The trips of {@code fleet} over a run that covers {@code simulated} time, picked by {@code seed}. */
    static TripSchedule choose(List<EmulatedVehicle> fleet, Duration simulated, long seed) {
        List<EmulatedVehicle> cars = new ArrayList<>(fleet);
        cars.sort(Comparator.comparing(EmulatedVehicle::vin));
        Random random = new Random(seed ^ 0x7B1D_5C4EL);
        double weeks = simulated.toMillis() / (double) Duration.ofDays(7).toMillis();
        List<Trip> trips = new ArrayList<>();
        for (EmulatedVehicle car : cars) {
            VehicleProfile profile = car.profile();
            double expected = profile.drivingProfile().tripsPerWeek() * weeks;
            int count = (int) Math.max(1, Math.min(MAX_TRIPS_PER_CAR, Math.floor(expected + random.nextDouble())));
            double tripKm = profile.annualMileageKm() / (profile.drivingProfile().tripsPerWeek() * WEEKS_PER_YEAR);
            double speedKmh = profile.drivingProfile().averageSpeedKmh(random.nextDouble());
            Duration duration = Duration.ofSeconds(Math.max(300, Math.round(tripKm / speedKmh * 3600)));
            for (int i = 0; i < count; i++) {
                double at = 0.05 + 0.9 * (i + random.nextDouble()) / count;
                trips.add(new Trip(car, at, duration, tripKm));
            }
        }
        return new TripSchedule(List.copyOf(trips));
    }

    List<Trip> trips() {
        return trips;
    }

    /** Schedules every trip on {@code ticker} over a run of {@code durationMs}. */
    void start(ScheduledExecutorService ticker, long durationMs) {
        for (Trip trip : trips) {
            ticker.schedule(() -> drive(trip), (long) (durationMs * trip.at()), TimeUnit.MILLISECONDS);
        }
    }

    private void drive(Trip trip) {
        started.incrementAndGet();
        trip.car().drive(trip.duration(), trip.distanceKm()).exceptionally(e -> {
            LOG.debug("trip of {} not started", trip.car().vin(), e);
            return null;
        });
    }

    /** Trips started so far. */
    long started() {
        return started.get();
    }
}
