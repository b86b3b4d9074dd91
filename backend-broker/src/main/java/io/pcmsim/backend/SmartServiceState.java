package io.pcmsim.backend;

import io.pcmsim.protocol.ReportedState;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A vehicle's newest state as Smart Service keeps it: newest by the car's clock, with the message it came
 * from and the model that message named.
 *
 * @param vehicleTime the car's clock when it took the state
 * @param bootId boot id of the message the state came from
 * @param sequence sequence of that message
 * @param modelCode model code the car reported, if it did
 * @param modelYear model year the car reported, if it did
 * @param powertrain powertrain the car reported ({@code combustion}, {@code plug-in-hybrid},
 *     {@code battery-electric}), if it did
 * @param state the readings; an absent reading is unknown
 */
public record SmartServiceState(Instant vehicleTime, long bootId, long sequence, Optional<String> modelCode,
        OptionalInt modelYear, Optional<String> powertrain, ReportedState state) {

    public SmartServiceState {
        Objects.requireNonNull(vehicleTime, "vehicleTime");
        Objects.requireNonNull(modelCode, "modelCode");
        Objects.requireNonNull(modelYear, "modelYear");
        Objects.requireNonNull(powertrain, "powertrain");
        Objects.requireNonNull(state, "state");
    }

    /** A state from a car that did not name its powertrain. */
    public SmartServiceState(Instant vehicleTime, long bootId, long sequence, Optional<String> modelCode,
            OptionalInt modelYear, ReportedState state) {
        this(vehicleTime, bootId, sequence, modelCode, modelYear, Optional.empty(), state);
    }
}
