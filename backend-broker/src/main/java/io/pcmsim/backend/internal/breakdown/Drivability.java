package io.pcmsim.backend.internal.breakdown;

import java.util.Locale;

/** Whether a car with a fault may be driven on, from most to least permissive. */
public enum Drivability {
    /** The car may be driven normally. */
    YES,
    /** Only a short distance at low speed, to the nearest workshop or a safe place. */
    LIMITED,
    /** The car must not be driven; towing or help on the spot. */
    NO;

    /** The value as written in the knowledge base file: {@code yes}, {@code limited} or {@code no}. */
    static Drivability parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    /** The less permissive of the two. */
    Drivability worst(Drivability other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
