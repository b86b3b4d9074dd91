package io.pcmsim.backend.internal.identity;

import io.pcmsim.protocol.Vin;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The generated owner of an auto-enrolled VIN: a name and a user ID that depend on the VIN only, so the
 * same VIN gets the same owner on every backend and in every run.
 */
final class OwnerNames {

    private static final List<String> FIRST = List.of("Anna", "Ben", "Clara", "David", "Elena", "Felix", "Greta",
            "Hannes", "Ida", "Jonas", "Katrin", "Lukas", "Marie", "Niklas", "Olga", "Paul", "Rosa", "Simon",
            "Tanja", "Uwe", "Vera", "Werner", "Yasmin", "Zoe");
    private static final List<String> LAST = List.of("Albrecht", "Bauer", "Conrad", "Dietrich", "Engel", "Fischer",
            "Graf", "Hoffmann", "Jung", "Keller", "Lange", "Meyer", "Neumann", "Otto", "Peters", "Richter",
            "Schulz", "Thomas", "Vogel", "Wagner", "Weber", "Winkler", "Zimmermann", "Krause");

    private OwnerNames() {
    }

    static String name(Vin vin) {
        int h = vin.value().hashCode();
        return FIRST.get(Math.floorMod(h, FIRST.size())) + " " + LAST.get(Math.floorMod(h / FIRST.size(), LAST.size()));
    }

    static String userId(Vin vin) {
        return UUID.nameUUIDFromBytes(("pcmsim auto-enrolled owner " + vin.value()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
