package io.pcmsim.vehicle.junit;

import io.pcmsim.vehicle.fleet.FleetConfig;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * How {@link EmulatedCars} runs its cars.
 *
 * @param broker where they connect
 * @param vehicles how many
 * @param seed seed of VINs and cars
 * @param speed simulated seconds per real second
 * @param history messages each car keeps per direction
 * @param connectTimeout how long to wait for every car to connect
 * @param perTest a fresh fleet for each test instead of one per class
 * @param more further settings applied to the fleet configuration last
 */
record CarsSettings(BrokerUrl broker, int vehicles, long seed, double speed, int history, Duration connectTimeout,
        boolean perTest, Consumer<FleetConfig.Builder> more) {

    CarsSettings {
        if (vehicles < 1) {
            throw new IllegalArgumentException("vehicles must be at least 1, was " + vehicles);
        }
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a number above 0, was " + speed);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive, was " + connectTimeout);
        }
    }

    @Override
    public String toString() {
        return vehicles + " cars against " + broker + ", seed " + seed + (perTest ? ", fresh for each test" : "");
    }
}
