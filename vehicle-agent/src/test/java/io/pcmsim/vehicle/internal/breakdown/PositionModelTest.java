package io.pcmsim.vehicle.internal.breakdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pcmsim.vehicle.fleet.VinGenerator;
import io.pcmsim.vehicle.model.VehicleModel;
import io.pcmsim.vehicle.model.VehicleProfile;
import io.pcmsim.vehicle.model.VehicleProfiles;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PositionModelTest {

    private static final Instant START = Instant.parse("2027-01-01T08:00:00Z");
    private static final double KM_PER_DEGREE = 111.195;

    private final VehicleProfile profile = VehicleProfiles.generate(new VinGenerator(5).next(), 5, START);

    private static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = (lat2 - lat1) * KM_PER_DEGREE;
        double dLon = (lon2 - lon1) * KM_PER_DEGREE * Math.cos(Math.toRadians(lat1));
        return Math.hypot(dLat, dLon);
    }

    @Test
    void home_isInEuropeAndTheSameForTheSameCar() {
        PositionModel one = new PositionModel(profile, new VehicleModel(profile));
        PositionModel two = new PositionModel(profile, new VehicleModel(profile));

        assertThat(one.latitude()).isBetween(36.0, 70.0).isEqualTo(two.latitude());
        assertThat(one.longitude()).isBetween(-10.0, 30.0).isEqualTo(two.longitude());
    }

    @Test
    void parked_staysPutWithoutTrack() {
        VehicleModel model = new VehicleModel(profile);
        PositionModel position = new PositionModel(profile, model);
        double lat = position.latitude();

        Instant later = START.plus(Duration.ofDays(3));
        model.advanceTo(later);
        position.advanceTo(later);

        assertThat(position.latitude()).isEqualTo(lat);
        assertThat(position.recentTrack(later)).isEmpty();
        assertThat(position.fixTime()).isEqualTo(later);
    }

    @Test
    void driving_movesAtTheTripsPaceAndKeepsAShortTrackOldestFirst() {
        VehicleModel model = new VehicleModel(profile);
        PositionModel position = new PositionModel(profile, model);
        double lat = position.latitude();
        double lon = position.longitude();
        model.startTrip(START, Duration.ofHours(1), 60);

        Instant now = START.plus(Duration.ofMinutes(20));
        position.advanceTo(now);

        assertThat(model.speedKmh(now)).isCloseTo(60, within(1e-9));
        double crow = distanceKm(lat, lon, position.latitude(), position.longitude());
        assertThat(crow).isGreaterThan(5).isLessThanOrEqualTo(20.0001);
        List<PositionModel.Point> track = position.recentTrack(now);
        assertThat(track).hasSize(10);
        assertThat(track.get(0).time()).isEqualTo(now.minus(Duration.ofSeconds(270)));
        assertThat(track.get(9).time()).isEqualTo(now);
        for (int i = 1; i < track.size(); i++) {
            assertThat(track.get(i).time()).isAfter(track.get(i - 1).time());
            PositionModel.Point a = track.get(i - 1);
            PositionModel.Point b = track.get(i);
            assertThat(distanceKm(a.latitude(), a.longitude(), b.latitude(), b.longitude())).isCloseTo(0.5, within(0.01));
        }
    }

    @Test
    void result_doesNotDependOnHowOftenItIsAdvanced() {
        VehicleModel model = new VehicleModel(profile);
        model.startTrip(START, Duration.ofHours(2), 150);
        PositionModel often = new PositionModel(profile, model);
        PositionModel once = new PositionModel(profile, model);
        Instant end = START.plus(Duration.ofMinutes(97));
        for (Instant t = START; t.isBefore(end); t = t.plus(Duration.ofSeconds(47))) {
            often.advanceTo(t);
        }
        often.advanceTo(end);
        once.advanceTo(end);

        assertThat(often.latitude()).isCloseTo(once.latitude(), within(1e-9));
        assertThat(often.longitude()).isCloseTo(once.longitude(), within(1e-9));
        assertThat(often.recentTrack(end)).hasSameSizeAs(once.recentTrack(end));
        assertThat(often.headingDeg()).isCloseTo(once.headingDeg(), within(1e-6));
    }
}
