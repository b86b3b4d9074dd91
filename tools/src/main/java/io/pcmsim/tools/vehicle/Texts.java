package io.pcmsim.tools.vehicle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** How the console writes numbers, instants and durations: the same way in every answer, easy to parse. */
final class Texts {

    private Texts() {
    }

    /** A number with at most {@code decimals} places, no trailing zeros, no exponent: 12.5, 30, 0.25. */
    static String number(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** A number with at most one decimal place. */
    static String number(double value) {
        return number(value, 1);
    }

    /** A number with exactly {@code decimals} places, e.g. a voltage: 12.70. */
    static String fixed(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    /** A number with exactly one decimal place, e.g. a distance: 12.0. */
    static String oneDecimal(double value) {
        return fixed(value, 1);
    }

    /** An instant in ISO-8601 UTC to the second, e.g. 2027-01-01T10:14:00Z. */
    static String instant(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A duration as typed into the console: 90s becomes 1m30s, 2 days 2d; negative with a leading minus. */
    static String duration(Duration duration) {
        if (duration.isNegative()) {
            return "-" + duration(duration.negated());
        }
        long seconds = duration.toSeconds();
        if (seconds == 0) {
            return duration.isZero() ? "0s" : duration.toMillis() + "ms";
        }
        StringBuilder text = new StringBuilder();
        long[] sizes = {86_400, 3_600, 60, 1};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (seconds >= sizes[i]) {
                text.append(seconds / sizes[i]).append(units[i]);
                seconds %= sizes[i];
            }
        }
        return text.toString();
    }

    /** yes or no. */
    static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    /** on or off. */
    static String onOff(boolean value) {
        return value ? "on" : "off";
    }
}
