package io.pcmsim.protocol;

import java.util.Objects;

/**
 * A vehicle identification number (ISO 3779). Validated on construction: exactly 17 characters,
 * digits and capital letters without I, O and Q, and, where the region of the world manufacturer
 * identifier uses one (North America: WMI starting 1 to 5; China: L), a correct check digit in
 * position 9 (49 CFR 565). European VINs carry no mandatory check digit and are not checked.
 *
 * <p>Every violation throws {@link InvalidVinException} whose message names the value and the rule.
 */
public record Vin(String value) implements Comparable<Vin> {

    private static final int LENGTH = 17;
    private static final int CHECK_DIGIT_INDEX = 8;
    private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

    public Vin {
        Objects.requireNonNull(value, "VIN must not be null");
        if (value.length() != LENGTH) {
            throw new InvalidVinException(
                    "VIN [" + value + "] must have " + LENGTH + " characters, had " + value.length());
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = value.charAt(i);
            if (transliterate(c) < 0) {
                throw new InvalidVinException("VIN [" + value + "] has '" + c + "' at position " + (i + 1)
                        + ": only digits and capital letters except I, O and Q are allowed");
            }
        }
        if (usesCheckDigit(value)) {
            char expected = checkDigit(value);
            char actual = value.charAt(CHECK_DIGIT_INDEX);
            if (expected != actual) {
                throw new InvalidVinException("VIN [" + value + "] has check digit '" + actual
                        + "' at position 9, the region of WMI " + value.substring(0, 3) + " requires '"
                        + expected + "'");
            }
        }
    }

    /** Parses and validates {@code text}; same as the constructor. */
    public static Vin of(String text) {
        return new Vin(text);
    }

    /** True when {@code text} is a valid VIN; never throws. */
    public static boolean isValid(String text) {
        try {
            new Vin(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** World manufacturer identifier: the first three characters. */
    public String wmi() {
        return value.substring(0, 3);
    }

    /** Whether VINs with this WMI must carry a check digit in position 9. */
    public static boolean usesCheckDigit(CharSequence vin) {
        char region = vin.charAt(0);
        return (region >= '1' && region <= '5') || region == 'L';
    }

    /**
     * Computes the check digit ('0'..'9' or 'X') of a 17-character VIN per 49 CFR 565; the
     * character at position 9 is ignored.
     *
     * @throws InvalidVinException if a character is not allowed in a VIN
     */
    public static char checkDigit(CharSequence vin) {
        int sum = 0;
        for (int i = 0; i < LENGTH; i++) {
            int v = transliterate(vin.charAt(i));
            if (v < 0) {
                throw new InvalidVinException("VIN [" + vin + "] has '" + vin.charAt(i) + "' at position "
                        + (i + 1) + ": only digits and capital letters except I, O and Q are allowed");
            }
            sum += v * WEIGHTS[i];
        }
        int rest = sum % 11;
        return rest == 10 ? 'X' : (char) ('0' + rest);
    }

    private static int transliterate(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return switch (c) {
            case 'A', 'J' -> 1;
            case 'B', 'K', 'S' -> 2;
            case 'C', 'L', 'T' -> 3;
            case 'D', 'M', 'U' -> 4;
            case 'E', 'N', 'V' -> 5;
            case 'F', 'W' -> 6;
            case 'G', 'P', 'X' -> 7;
            case 'H', 'Y' -> 8;
            case 'R', 'Z' -> 9;
            default -> -1;
        };
    }

    @Override
    public int compareTo(Vin other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
