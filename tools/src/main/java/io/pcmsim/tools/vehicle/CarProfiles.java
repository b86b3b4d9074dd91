package io.pcmsim.tools.vehicle;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The names {@code --profile} accepts: the powertrains and the driving profiles of the car model. Until
 * the car model has them the name is checked and shown in {@code status}, and the car is generated from
 * its VIN and the seed alone.
 */
final class CarProfiles {

    /** The default: the car as VIN and seed make it. */
    static final String DEFAULT = "default";
    /** Every accepted name, the default first. */
    static final List<String> NAMES = List.of(DEFAULT, "combustion", "plug-in-hybrid", "battery-electric",
            "commuter", "sporty", "long-distance", "rarely-driven");

    private CarProfiles() {
    }

    /** The names for picocli's help ({@code ${COMPLETION-CANDIDATES}}). */
    static final class Candidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return NAMES.iterator();
        }
    }

    /** The accepted name {@code text} stands for (any case), or empty. */
    static Optional<String> named(String text) {
        String name = text.trim().toLowerCase(Locale.ROOT);
        return NAMES.contains(name) ? Optional.of(name) : Optional.empty();
    }
}
