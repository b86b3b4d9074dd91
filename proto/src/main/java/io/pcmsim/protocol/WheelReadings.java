package io.pcmsim.protocol;

import java.util.List;
import java.util.OptionalDouble;

/**
 * One reading per wheel as a car reported it, each possibly absent (a missing sensor or no valid
 * value): front left, front right, rear left, rear right.
 */
public record WheelReadings(OptionalDouble frontLeft, OptionalDouble frontRight, OptionalDouble rearLeft,
                            OptionalDouble rearRight) {

    /** No reading for any wheel. */
    public static final WheelReadings NONE = new WheelReadings(OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalDouble.empty(), OptionalDouble.empty());

    /** Every wheel read. */
    public static WheelReadings of(Wheels wheels) {
        return new WheelReadings(OptionalDouble.of(wheels.frontLeft()), OptionalDouble.of(wheels.frontRight()),
                OptionalDouble.of(wheels.rearLeft()), OptionalDouble.of(wheels.rearRight()));
    }

    /** The readings in VSS order, matching {@link Wheels#NAMES}. */
    public List<OptionalDouble> asList() {
        return List.of(frontLeft, frontRight, rearLeft, rearRight);
    }

    /** The reading of wheel {@code index} (0..3, as {@link Wheels#get(int)}). */
    public OptionalDouble get(int index) {
        return asList().get(index);
    }

    /** Whether no wheel has a reading. */
    public boolean isEmpty() {
        return asList().stream().noneMatch(OptionalDouble::isPresent);
    }
}
