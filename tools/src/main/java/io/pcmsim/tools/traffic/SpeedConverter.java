package io.pcmsim.tools.traffic;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converter of a replay speed: a number above 0 (1 = original timing) or {@code max}. */
final class SpeedConverter implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
        if (value.trim().toLowerCase(Locale.ROOT).equals("max")) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            double speed = Double.parseDouble(value.trim());
            if (speed > 0 && Double.isFinite(speed)) {
                return speed;
            }
        } catch (NumberFormatException e) {
            // the sentence below says what is allowed
        }
        throw new TypeConversionException("'" + value + "' is not a speed: give a number above 0 (1 = the recorded "
                + "timing, 10 = ten times faster) or max (as fast as possible)");
    }
}
