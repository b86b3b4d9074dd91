package io.pcmsim.vehicle.model;

import io.pcmsim.protocol.Vin;
import io.pcmsim.vehicle.fleet.VinGenerator;
import java.time.Instant;

/** Cars of a chosen powertrain and driving profile for the model's tests. */
final class Cars {

    static final Instant START = Instant.parse("2027-03-01T08:00:00Z");
    static final long SEED = 4711;

    private Cars() {
    }

    /** The {@code index}-th car (from 0) of the seed's fleet of that powertrain and driving profile. */
    static VehicleModel car(Powertrain powertrain, DrivingProfile driving, int index) {
        VinGenerator vins = new VinGenerator(SEED, 0.15, ModelLine.builtWithPowertrain(powertrain));
        Vin vin = vins.generate(index + 1).get(index);
        return new VehicleModel(VehicleProfiles.generate(vin, SEED, START, new ProfileChoice(powertrain, driving)));
    }

    static VehicleModel car(Powertrain powertrain) {
        return car(powertrain, DrivingProfile.COMMUTER, 0);
    }
}
