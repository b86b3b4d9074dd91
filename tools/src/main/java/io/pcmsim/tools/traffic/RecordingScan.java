package io.pcmsim.tools.traffic;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One pass over a recording before it is replayed: how many records it holds, their time span, every
 * VIN in its topics, and where it is broken, if it is.
 *
 * @param broken the problem that ends the readable part, null when the whole file reads fine
 */
record RecordingScan(long records, long firstMicros, long lastMicros, Set<String> vins,
        @Nullable BrokenRecordingException broken) {

    /**
     * @throws java.io.UncheckedIOException when the file cannot be read
     * @throws BrokenRecordingException when it is not a recording (bad header)
     */
    static RecordingScan of(Path file) {
        Set<String> vins = new HashSet<>();
        long first = 0;
        long last = 0;
        try (RecordingReader reader = RecordingReader.open(file)) {
            try {
                for (Optional<TrafficMessage> next = reader.next(); next.isPresent(); next = reader.next()) {
                    TrafficMessage message = next.get();
                    if (reader.records() == 1) {
                        first = message.timeMicros();
                    }
                    last = message.timeMicros();
                    String vin = TopicKind.of(message.topic()).vin();
                    if (vin != null) {
                        vins.add(vin);
                    }
                }
                return new RecordingScan(reader.records(), first, last, Set.copyOf(vins), null);
            } catch (BrokenRecordingException e) {
                return new RecordingScan(reader.records(), first, last, Set.copyOf(vins), e);
            }
        }
    }

    /** Seconds between the first and the last record. */
    double spanSeconds() {
        return (lastMicros - firstMicros) / 1e6;
    }
}
