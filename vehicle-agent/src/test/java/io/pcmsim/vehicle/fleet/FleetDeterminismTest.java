package io.pcmsim.vehicle.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcmsim.protocol.VehicleSnapshot;
import io.pcmsim.protocol.Vin;
import io.pcmsim.time.SimulatedClock;
import io.pcmsim.vehicle.model.DrivingProfile;
import io.pcmsim.vehicle.model.Fault;
import io.pcmsim.vehicle.model.ModelLine;
import io.pcmsim.vehicle.model.Powertrain;
import io.pcmsim.vehicle.model.ProfileChoice;
import io.pcmsim.vehicle.model.VehicleModel;
import io.pcmsim.vehicle.model.VehicleProfile;
import io.pcmsim.vehicle.model.VehicleProfiles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Same seed, same cars, same wear, same faults; a forced profile holds for every car. */
class FleetDeterminismTest {

    private static final Instant START = Instant.parse("2027-05-01T06:00:00Z");

    private static FleetConfig config(long seed, ProfileChoice profiles) {
        Clock wall = Clock.fixed(START, ZoneOffset.UTC);
        return FleetConfig.builder().vehicles(60).seed(seed).profiles(profiles).wallClock(wall)
                .clock(SimulatedClock.startingAt(START, 1, wall)).build();
    }

    /** The cars of a fleet as {@link Fleet} builds them, each advanced over a year in its own steps. */
    private static List<VehicleSnapshot> yearOf(FleetConfig config, Duration step) {
        List<VehicleSnapshot> states = new ArrayList<>();
        try (Fleet fleet = Fleet.create(config)) {
            for (EmulatedVehicle car : fleet.vehicles()) {
                VehicleModel model = new VehicleModel(car.profile());
                for (Instant t = START; t.isBefore(START.plus(Duration.ofDays(365))); t = t.plus(step)) {
                    model.advanceTo(t);
                    if (t.equals(START.plus(Duration.ofDays(100)))) {
                        Fault fault = Fault.WHEEL_SPEED_SENSOR;
                        model.inject(fault, t);
                    }
                }
                model.advanceTo(START.plus(Duration.ofDays(365)));
                states.add(model.snapshot());
            }
        }
        return states;
    }

    @Test
    void twoFleetsWithTheSameSeed_sameCarsWearAndFaults() {
        List<VehicleSnapshot> first = yearOf(config(99, ProfileChoice.ANY), Duration.ofDays(1));
        List<VehicleSnapshot> second = yearOf(config(99, ProfileChoice.ANY), Duration.ofDays(1));
        List<VehicleSnapshot> other = yearOf(config(100, ProfileChoice.ANY), Duration.ofDays(1));

        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(first).allSatisfy(s -> assertThat(s.dtcs()).contains("P0500"));
    }

    @Test
    void aFleetOfTheSeedsMix_hasEveryPowertrainAndDrivingProfile() {
        try (Fleet fleet = Fleet.create(config(7, ProfileChoice.ANY))) {
            Map<Powertrain, Long> powertrains = fleet.vehicles().stream()
                    .collect(Collectors.groupingBy(v -> v.profile().powertrain(), Collectors.counting()));
            Map<DrivingProfile, Long> driving = fleet.vehicles().stream()
                    .collect(Collectors.groupingBy(v -> v.profile().drivingProfile(), Collectors.counting()));

            assertThat(powertrains).containsOnlyKeys(Powertrain.values());
            assertThat(powertrains.get(Powertrain.COMBUSTION)).isGreaterThan(powertrains.get(Powertrain.BATTERY_ELECTRIC));
            assertThat(driving).containsOnlyKeys(DrivingProfile.values());
            assertThat(driving.get(DrivingProfile.COMMUTER)).isGreaterThan(driving.get(DrivingProfile.SPORTY));
        }
    }

    @Test
    void aForcedProfile_holdsForEveryCar_andItsVinsNameItsLines() {
        try (Fleet fleet = Fleet.create(config(7, ProfileChoice.parse("battery-electric/rarely-driven")))) {
            assertThat(fleet.vehicles()).hasSize(60).allSatisfy(v -> {
                VehicleProfile p = v.profile();
                assertThat(p.powertrain()).isEqualTo(Powertrain.BATTERY_ELECTRIC);
                assertThat(p.drivingProfile()).isEqualTo(DrivingProfile.RARELY_DRIVEN);
                assertThat(ModelLine.fromVin(v.vin())).contains(ModelLine.TAYCAN);
                assertThat(v.snapshot().engineOilLifePercent()).isEmpty();
            });
        }
    }

    @Test
    void theSameProfile_onlyDependsOnVinSeedAndStart() {
        Vin vin = new VinGenerator(5).next();
        Function<ProfileChoice, VehicleProfile> of = c -> VehicleProfiles.generate(vin, 5, START, c);

        assertThat(of.apply(ProfileChoice.ANY)).isEqualTo(of.apply(ProfileChoice.ANY));
    }
}
