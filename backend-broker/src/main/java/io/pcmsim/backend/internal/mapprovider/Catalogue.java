package io.pcmsim.backend.internal.mapprovider;

import io.pcmsim.backend.mapprovider.MapCatalogue;
import io.pcmsim.backend.mapprovider.MapRelease;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The catalogue in memory: per region its releases, oldest first. Thread-safe. */
public final class Catalogue implements MapCatalogue {

    static final String SAMPLE = "/mapprovider/catalogue.csv";

    private final Clock clock;
    private final Map<String, List<MapRelease>> byRegion = new TreeMap<>();

    Catalogue(Clock clock) {
        this.clock = clock;
    }

    /** The sample catalogue shipped as {@code mapprovider/catalogue.csv}. */
    public static Catalogue sample(Clock clock) {
        Catalogue catalogue = new Catalogue(clock);
        try (InputStream in = Catalogue.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("the sample map catalogue " + SAMPLE + " is missing");
            }
            catalogue.load(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample map catalogue " + SAMPLE, e);
        }
        return catalogue;
    }

    private void load(BufferedReader reader) throws IOException {
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (fields.length != 3) {
                throw new IllegalArgumentException(SAMPLE + " line " + number + ": expected region,version,size, was ["
                        + line + "]");
            }
            try {
                publish(fields[0].strip(), fields[1].strip(), Long.parseLong(fields[2].strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(SAMPLE + " line " + number + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public synchronized List<MapRelease> releases() {
        List<MapRelease> all = new ArrayList<>();
        byRegion.values().forEach(all::addAll);
        return List.copyOf(all);
    }

    @Override
    public synchronized Optional<MapRelease> latest(String region) {
        List<MapRelease> releases = byRegion.get(region);
        return releases == null ? Optional.empty() : Optional.of(releases.get(releases.size() - 1));
    }

    @Override
    public synchronized MapRelease publish(String region, String version, long sizeBytes) {
        MapRelease release = new MapRelease(region, version, sizeBytes, clock.instant());
        Optional<MapRelease> latest = latest(region);
        if (latest.isPresent() && !release.newerThan(latest.get().version())) {
            throw new IllegalArgumentException("map version " + version + " of " + region
                    + " must be newer than the latest, " + latest.get().version());
        }
        byRegion.computeIfAbsent(region, r -> new ArrayList<>()).add(release);
        return release;
    }
}
