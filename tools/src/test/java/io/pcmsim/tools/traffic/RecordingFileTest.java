package io.pcmsim.tools.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recording file: what is written reads back the same, and a broken file says where it broke. */
class RecordingFileTest {

    private static final Instant START = Instant.parse("2027-03-01T06:00:00.123456Z");

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(START);

    private static TrafficMessage message(long micros, String topic, int qos, boolean retain, String payload) {
        return new TrafficMessage(micros, topic, qos, retain, payload.getBytes(StandardCharsets.UTF_8));
    }

    private List<TrafficMessage> sample() {
        long t = TrafficMessage.micros(START);
        return List.of(
                message(t + 5, "pcm/v1/vehicles/WP0ZZZ99ZKS123456/status", 1, true, "online"),
                message(t + 1_000_007, "pcm/v1/vehicles/WP0ZZZ99ZKS123456/up/login", 1, false, "login"),
                message(t + 1_000_007, "pcm/v1/vehicles/WP0ZZZ99ZKS123456/up/login", 0, false, ""),
                message(t + 3_600_000_000L, "maps/v1/k3y/query", 2, false, "query"),
                message(t + 3_600_000_001L, "pcm/v1/vehicles/WP0ZZZ99ZKS123456/status", 1, true, "offline"));
    }

    private Path written(List<TrafficMessage> messages) {
        Path file = dir.resolve("traffic.pcmrec");
        try (RecordingWriter writer = RecordingWriter.create(file, clock, Duration.ofSeconds(1))) {
            messages.forEach(writer::write);
        }
        return file;
    }

    /** Every record of {@code file}, in order. */
    static List<TrafficMessage> readAll(Path file) {
        List<TrafficMessage> read = new ArrayList<>();
        try (RecordingReader reader = RecordingReader.open(file)) {
            for (Optional<TrafficMessage> next = reader.next(); next.isPresent(); next = reader.next()) {
                read.add(next.get());
            }
        }
        return read;
    }

    private static void assertSame(List<TrafficMessage> actual, List<TrafficMessage> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            TrafficMessage a = actual.get(i);
            TrafficMessage e = expected.get(i);
            assertThat(a.timeMicros()).as("time of record %d", i).isEqualTo(e.timeMicros());
            assertThat(a.topic()).isEqualTo(e.topic());
            assertThat(a.qos()).isEqualTo(e.qos());
            assertThat(a.retain()).isEqualTo(e.retain());
            assertThat(a.payload()).isEqualTo(e.payload());
        }
    }

    @Test
    void recording_whenReadBack_givesEveryMessageWithTimeTopicQosRetainAndPayload() {
        Path file = written(sample());

        assertSame(readAll(file), sample());
        try (RecordingReader reader = RecordingReader.open(file)) {
            assertThat(reader.start()).isEqualTo(START);
        }
    }

    @Test
    void recording_repeatedTopics_areStoredOnce() throws Exception {
        long t = TrafficMessage.micros(START);
        String topic = "pcm/v1/vehicles/WP0ZZZ99ZKS123456/up/smart-service";
        List<TrafficMessage> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add(message(t + i * 1000L, topic, 1, false, "x"));
        }
        Path file = written(many);

        // header 17 + per record: length 1, delta 2, flags 1, topic reference 1, payload 1, CRC 4 (+ topic once)
        assertThat(Files.size(file)).isLessThan(17 + 100 * 10 + topic.length() + 2);
        assertSame(readAll(file), many);
    }

    @Test
    void writer_timeGoingBackwards_writesThePreviousTime() {
        long t = TrafficMessage.micros(START);
        Path file = written(List.of(message(t + 10, "a/b", 1, false, "1"), message(t + 4, "a/b", 1, false, "2")));

        assertThat(readAll(file)).extracting(TrafficMessage::timeMicros).containsExactly(t + 10, t + 10);
    }

    @Test
    void writer_flushesAtTheLatestAfterTheInterval() throws Exception {
        Path file = dir.resolve("flushed.pcmrec");
        try (RecordingWriter writer = RecordingWriter.create(file, clock, Duration.ofSeconds(1))) {
            assertThat(Files.size(file)).as("the header is flushed at once").isEqualTo(RecordingFormat.HEADER_BYTES);
            writer.write(sample().get(0));
            writer.flushIfDue();
            assertThat(Files.size(file)).as("within the interval the record waits in the buffer")
                    .isEqualTo(RecordingFormat.HEADER_BYTES);

            clock.advance(Duration.ofSeconds(1));
            writer.flushIfDue();

            assertThat(Files.size(file)).isEqualTo(writer.bytes());
            assertThat(readAll(file)).hasSize(1);
        }
    }

    @Test
    void reader_fileCutInsideTheLastRecord_returnsTheRecordsBeforeAndNamesTheOffset() throws Exception {
        Path file = written(sample());
        byte[] bytes = Files.readAllBytes(file);
        long lastRecordStart = offsetOfRecord(file, sample().size() - 1);
        for (int cut = (int) lastRecordStart + 1; cut < bytes.length; cut++) {
            Path truncated = dir.resolve("cut-" + cut);
            Files.write(truncated, Arrays.copyOf(bytes, cut));
            List<TrafficMessage> read = new ArrayList<>();

            assertThatThrownBy(() -> {
                try (RecordingReader reader = RecordingReader.open(truncated)) {
                    for (Optional<TrafficMessage> next = reader.next(); next.isPresent(); next = reader.next()) {
                        read.add(next.get());
                    }
                }
            }).isInstanceOfSatisfying(BrokenRecordingException.class, e -> {
                assertThat(e.truncated()).isTrue();
                assertThat(e.offset()).isEqualTo(lastRecordStart);
                assertThat(e.getMessage()).contains(truncated.toString()).contains("byte " + lastRecordStart);
            });
            assertSame(read, sample().subList(0, sample().size() - 1));
        }
    }

    @Test
    void reader_changedByte_isCorruptAtThatRecord() throws Exception {
        Path file = written(sample());
        long second = offsetOfRecord(file, 1);
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) second + 4] ^= 0x40;
        Files.write(file, bytes);

        assertThatThrownBy(() -> readAll(file)).isInstanceOfSatisfying(BrokenRecordingException.class, e -> {
            assertThat(e.truncated()).isFalse();
            assertThat(e.offset()).isEqualTo(second);
            assertThat(e.recordsBefore()).isEqualTo(1);
            assertThat(e.getMessage()).contains("checksum mismatch");
        });
    }

    @Test
    void reader_fileThatIsNoRecording_isRefusedAtByteZero() throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "just some text, long enough for a header");

        assertThatThrownBy(() -> RecordingReader.open(file)).isInstanceOf(BrokenRecordingException.class)
                .hasMessageContaining("byte 0").hasMessageContaining("not a pcmsim recording");
    }

    @Test
    void reader_unknownVersion_isRefusedNamingIt() throws Exception {
        Path file = written(sample());
        byte[] bytes = Files.readAllBytes(file);
        bytes[RecordingFormat.MAGIC.length] = 9;
        Files.write(file, bytes);

        assertThatThrownBy(() -> RecordingReader.open(file)).isInstanceOf(BrokenRecordingException.class)
                .hasMessageContaining("format version 9 is not known");
    }

    @Test
    void reader_missingFile_saysSo() {
        Path file = dir.resolve("nothing-here.pcmrec");

        assertThatThrownBy(() -> RecordingReader.open(file)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("no such file");
    }

    @Test
    void writer_folderThatDoesNotExist_saysSo() {
        Path file = dir.resolve("missing").resolve("r.pcmrec");

        assertThatThrownBy(() -> RecordingWriter.create(file, clock, Duration.ofSeconds(1)))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("its folder does not exist");
    }

    @Test
    void writer_fullDisk_failsWithTheReason() {
        Path full = Path.of("/dev/full");
        assumeThat(Files.isWritable(full)).as("needs the Linux device /dev/full").isTrue();

        assertThatThrownBy(() -> RecordingWriter.create(full, clock, Duration.ofSeconds(1)))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("/dev/full")
                .hasMessageContaining("No space left on device");
    }

    /** The byte offset at which record {@code index} (0-based) starts. */
    private static long offsetOfRecord(Path file, int index) {
        try (RecordingReader reader = RecordingReader.open(file)) {
            for (int i = 0; i < index; i++) {
                reader.next();
            }
            return reader.offset();
        }
    }
}
