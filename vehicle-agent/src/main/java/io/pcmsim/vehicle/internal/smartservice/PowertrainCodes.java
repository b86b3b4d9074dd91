package io.pcmsim.vehicle.internal.smartservice;

import io.pcmsim.vehicle.model.Powertrain;

/** The wire value of a car's powertrain. Stateless. */
final class PowertrainCodes {

    private PowertrainCodes() {
    }

    /** {@code powertrain} as {@code pcm.v1.Powertrain}. */
    static io.pcmsim.proto.v1.Powertrain wire(Powertrain powertrain) {
        return switch (powertrain) {
            case COMBUSTION -> io.pcmsim.proto.v1.Powertrain.POWERTRAIN_COMBUSTION;
            case PLUG_IN_HYBRID -> io.pcmsim.proto.v1.Powertrain.POWERTRAIN_PLUG_IN_HYBRID;
            case BATTERY_ELECTRIC -> io.pcmsim.proto.v1.Powertrain.POWERTRAIN_BATTERY_ELECTRIC;
        };
    }
}
