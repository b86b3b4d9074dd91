package io.pcmsim.protocol;

import java.util.function.DoubleUnaryOperator;
import java.util.stream.DoubleStream;

/** One value per wheel: front left, front right, rear left, rear right. */
public record Wheels(double frontLeft, double frontRight, double rearLeft, double rearRight) {

    public static Wheels all(double value) {
        return new Wheels(value, value, value, value);
    }

    public Wheels map(DoubleUnaryOperator f) {
        return new Wheels(f.applyAsDouble(frontLeft), f.applyAsDouble(frontRight),
                f.applyAsDouble(rearLeft), f.applyAsDouble(rearRight));
    }

    public double max() {
        return DoubleStream.of(frontLeft, frontRight, rearLeft, rearRight).max().orElseThrow();
    }

    public double min() {
        return DoubleStream.of(frontLeft, frontRight, rearLeft, rearRight).min().orElseThrow();
    }

    /** Wheel names in VSS order, matching {@link #get(int)}. */
    public static final String[] NAMES = {"front-left", "front-right", "rear-left", "rear-right"};

    public double get(int index) {
        return switch (index) {
            case 0 -> frontLeft;
            case 1 -> frontRight;
            case 2 -> rearLeft;
            case 3 -> rearRight;
            default -> throw new IndexOutOfBoundsException("wheel index " + index + " is not in 0..3");
        };
    }
}
