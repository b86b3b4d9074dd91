package io.pcmsim.vehicle.model;

import io.pcmsim.protocol.Vin;
import java.util.OptionalInt;

/** Model-year codes of VIN position 10 (ISO 3779 / 49 CFR 565) for the years 2010 to 2030. */
public final class ModelYears {

    private static final String CODES = "ABCDEFGHJKLMNPRSTVWXY";
    /** First model year with a code in {@link #CODES}. */
    public static final int FIRST = 2010;
    /** Last model year with a code in {@link #CODES}. */
    public static final int LAST = FIRST + CODES.length() - 1;

    private ModelYears() {
    }

    /**
     * The VIN code of {@code year}.
     *
     * @throws IllegalArgumentException if the year is outside {@value #FIRST}..2030
     */
    public static char code(int year) {
        if (year < FIRST || year > LAST) {
            throw new IllegalArgumentException(
                    "model year " + year + " has no code here: allowed are " + FIRST + " to " + LAST);
        }
        return CODES.charAt(year - FIRST);
    }

    /** The model year coded at position 10 of {@code vin}, if it is a code of 2010 to 2030. */
    public static OptionalInt of(Vin vin) {
        int index = CODES.indexOf(vin.value().charAt(9));
        return index < 0 ? OptionalInt.empty() : OptionalInt.of(FIRST + index);
    }
}
