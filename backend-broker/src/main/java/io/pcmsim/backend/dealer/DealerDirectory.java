package io.pcmsim.backend.dealer;

import io.pcmsim.backend.internal.reference.TabSeparated;
import java.io.IOException;
import java.io.Reader;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dealers the backend knows, read from a tab-separated file (the shipped sample is {@value #SAMPLE},
 * whose header explains the fields). Immutable and thread-safe.
 */
public final class DealerDirectory {

    /** Class path resource of the shipped sample directory. */
    public static final String SAMPLE = "/dealers/sample-dealers.tsv";

    private static final int FIELDS = 8;
    private static final String FIELD_NAMES = "id, name, street, city, country, latitude, longitude, phone";

    private final Map<String, Dealer> dealers;

    private DealerDirectory(Map<String, Dealer> dealers) {
        this.dealers = dealers;
    }

    /** The shipped sample directory. */
    public static DealerDirectory sample() {
        return of(TabSeparated.readResource(SAMPLE, FIELDS, FIELD_NAMES, DealerDirectory::parse), SAMPLE);
    }

    /**
     * Reads a directory in the sample file's format.
     *
     * @param name the file's name, for error messages
     * @throws IllegalArgumentException naming the file and line of the first broken line, or a repeated id
     */
    public static DealerDirectory read(Reader source, String name) throws IOException {
        return of(TabSeparated.read(source, name, FIELDS, FIELD_NAMES, DealerDirectory::parse), name);
    }

    private static DealerDirectory of(List<Dealer> list, String name) {
        return new DealerDirectory(TabSeparated.byKey(list, Dealer::id, name, "dealer"));
    }

    private static Dealer parse(String[] f) {
        GeoPosition position = new GeoPosition(degrees("latitude", f[5]), degrees("longitude", f[6]));
        return new Dealer(f[0].trim(), f[1].trim(), f[2].trim(), f[3].trim(), f[4].trim(), position, f[7].trim());
    }

    private static double degrees(String field, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " \"" + text + "\" is not a number of degrees", e);
        }
    }

    /** Every dealer, in file order. */
    public List<Dealer> all() {
        return List.copyOf(dealers.values());
    }

    public Optional<Dealer> byId(String id) {
        return Optional.ofNullable(dealers.get(id));
    }

    /** The {@code limit} dealers nearest to {@code position}, nearest first (ties by id). */
    public List<Dealer> nearest(GeoPosition position, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + limit);
        }
        return dealers.values().stream()
                .sorted(Comparator.comparingDouble((Dealer d) -> d.position().distanceKm(position))
                        .thenComparing(Dealer::id))
                .limit(limit)
                .toList();
    }
}
