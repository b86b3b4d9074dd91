package io.pcmsim.tools.traffic;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * Reads a recording ({@link RecordingFormat}) record by record, checking each record's checksum. Not
 * thread-safe.
 *
 * <p>A file that is not a recording, ends inside a record or holds a corrupt record gives a
 * {@link BrokenRecordingException} naming the file and the byte offset; the records before it were
 * returned normally.
 */
public final class RecordingReader implements AutoCloseable {

    private final Path file;
    private final InputStream in;
    private final long startMicros;
    private final List<String> topics = new ArrayList<>();
    private final CRC32C crc = new CRC32C();
    private long offset;
    private long previousMicros;
    private long records;

    private RecordingReader(Path file, InputStream in) {
        this.file = file;
        this.in = in;
        byte[] header = readHeader();
        this.startMicros = ByteBuffer.wrap(header, RecordingFormat.MAGIC.length + 1, Long.BYTES).getLong();
        this.previousMicros = startMicros;
    }

    /**
     * Opens {@code file} and reads its header.
     *
     * @throws UncheckedIOException when the file cannot be opened, naming it
     * @throws BrokenRecordingException when it does not start with a recording header of a known version
     */
    public static RecordingReader open(Path file) {
        InputStream in;
        try {
            in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the recording " + file + ": "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()), e);
        }
        try {
            return new RecordingReader(file, in);
        } catch (RuntimeException e) {
            try {
                in.close();
            } catch (IOException ignored) {
                // the header problem is the one to report
            }
            throw e;
        }
    }

    /** When the recording started. */
    public Instant start() {
        return Instant.EPOCH.plus(startMicros, ChronoUnit.MICROS);
    }

    /** Records returned so far. */
    public long records() {
        return records;
    }

    /** Byte offset of the next record. */
    public long offset() {
        return offset;
    }

    /**
     * The next record, or empty at the clean end of the file.
     *
     * @throws BrokenRecordingException when the file ends inside the record or the record is corrupt
     */
    public Optional<TrafficMessage> next() {
        long recordStart = offset;
        int first = readByte();
        if (first < 0) {
            return Optional.empty();
        }
        long length = readVarint(first, recordStart, "record length");
        if (length > RecordingFormat.MAX_BODY_BYTES) {
            throw broken(recordStart, false, "record length " + length + " is over the limit of "
                    + RecordingFormat.MAX_BODY_BYTES + " bytes");
        }
        byte[] body = readFully((int) length, recordStart, "record body of " + length + " bytes");
        byte[] check = readFully(Integer.BYTES, recordStart, "checksum");
        crc.reset();
        crc.update(body);
        if ((int) crc.getValue() != ByteBuffer.wrap(check).getInt()) {
            throw broken(recordStart, false, "checksum mismatch");
        }
        TrafficMessage message = parseBody(body, recordStart);
        previousMicros = message.timeMicros();
        records++;
        return Optional.of(message);
    }

    private TrafficMessage parseBody(byte[] body, long recordStart) {
        ByteBuffer b = ByteBuffer.wrap(body);
        long delta = bodyVarint(b, recordStart, "time delta");
        if (!b.hasRemaining()) {
            throw broken(recordStart, false, "record ends before its flags");
        }
        int flags = b.get() & 0xFF;
        if ((flags & ~(RecordingFormat.QOS_MASK | RecordingFormat.RETAIN_FLAG)) != 0
                || (flags & RecordingFormat.QOS_MASK) == 3) {
            throw broken(recordStart, false, "unknown flags 0x" + Integer.toHexString(flags));
        }
        long reference = bodyVarint(b, recordStart, "topic reference");
        String topic;
        if (reference == 0) {
            long topicLength = bodyVarint(b, recordStart, "topic length");
            if (topicLength > b.remaining()) {
                throw broken(recordStart, false, "topic of " + topicLength + " bytes is longer than the record");
            }
            byte[] bytes = new byte[(int) topicLength];
            b.get(bytes);
            topic = utf8(bytes, recordStart);
            topics.add(topic);
        } else if (reference <= topics.size()) {
            topic = topics.get((int) reference - 1);
        } else {
            throw broken(recordStart, false, "topic reference " + reference + " names no topic (" + topics.size()
                    + " known)");
        }
        byte[] payload = Arrays.copyOfRange(body, b.position(), body.length);
        long time;
        try {
            time = Math.addExact(previousMicros, delta);
        } catch (ArithmeticException e) {
            throw broken(recordStart, false, "time delta " + delta + " overflows");
        }
        return new TrafficMessage(time, topic, flags & RecordingFormat.QOS_MASK,
                (flags & RecordingFormat.RETAIN_FLAG) != 0, payload);
    }

    private String utf8(byte[] bytes, long recordStart) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw broken(recordStart, false, "topic is not UTF-8");
        }
    }

    private long bodyVarint(ByteBuffer b, long recordStart, String what) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (!b.hasRemaining()) {
                throw broken(recordStart, false, "record ends inside its " + what);
            }
            int next = b.get() & 0xFF;
            value |= (long) (next & 0x7F) << shift;
            if ((next & 0x80) == 0) {
                return value;
            }
        }
        throw broken(recordStart, false, what + " is not a valid varint");
    }

    private long readVarint(int first, long recordStart, String what) {
        long value = first & 0x7F;
        int next = first;
        for (int shift = 7; (next & 0x80) != 0; shift += 7) {
            if (shift >= 64) {
                throw broken(recordStart, false, what + " is not a valid varint");
            }
            next = readByte();
            if (next < 0) {
                throw broken(recordStart, true, "the file ends inside the " + what);
            }
            value |= (long) (next & 0x7F) << shift;
        }
        return value;
    }

    private byte[] readHeader() {
        byte[] header;
        try {
            header = in.readNBytes(RecordingFormat.HEADER_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the recording " + file + ": " + e.getMessage(), e);
        }
        if (header.length < RecordingFormat.MAGIC.length
                || !Arrays.equals(header, 0, RecordingFormat.MAGIC.length, RecordingFormat.MAGIC, 0,
                RecordingFormat.MAGIC.length)) {
            throw broken(0, false, "it is not a pcmsim recording (no recording header)");
        }
        if (header.length < RecordingFormat.HEADER_BYTES) {
            throw broken(0, true, "the file ends inside the header");
        }
        int version = header[RecordingFormat.MAGIC.length] & 0xFF;
        if (version != RecordingFormat.VERSION) {
            throw broken(0, false, "format version " + version + " is not known (this pcmsim reads version "
                    + RecordingFormat.VERSION + ")");
        }
        offset = RecordingFormat.HEADER_BYTES;
        return header;
    }

    private int readByte() {
        try {
            int b = in.read();
            if (b >= 0) {
                offset++;
            }
            return b;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the recording " + file + " at byte " + offset + ": "
                    + e.getMessage(), e);
        }
    }

    private byte[] readFully(int length, long recordStart, String what) {
        try {
            byte[] bytes = in.readNBytes(length);
            offset += bytes.length;
            if (bytes.length < length) {
                throw broken(recordStart, true, "the file ends inside the " + what);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the recording " + file + " at byte " + offset + ": "
                    + e.getMessage(), e);
        }
    }

    private BrokenRecordingException broken(long at, boolean truncated, String reason) {
        return new BrokenRecordingException(file, at, records, truncated, reason);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the recording " + file + ": " + e.getMessage(), e);
        }
    }
}
