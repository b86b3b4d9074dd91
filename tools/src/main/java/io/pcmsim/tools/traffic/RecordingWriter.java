package io.pcmsim.tools.traffic;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Writes a recording ({@link RecordingFormat}) through a buffer that is flushed to the file at least once
 * per {@code flushInterval} of the clock: on the next {@link #write} after the interval, and by
 * {@link #flushIfDue()} which the recorder calls regularly. A recorder killed without warning therefore
 * loses at most the last interval. Thread-safe (writes are serialized).
 *
 * <p>An {@link IOException} of the file (disk full, file removed, ...) is thrown as an
 * {@link UncheckedIOException} whose message names the file; the writer is unusable after it.
 */
public final class RecordingWriter implements AutoCloseable {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path file;
    private final OutputStream out;
    private final Clock clock;
    private final Duration flushInterval;
    private final Map<String, Integer> topics = new HashMap<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream(256);
    private final CRC32C crc = new CRC32C();
    private long previousMicros;
    private Instant lastFlush;
    private long records;
    private long bytes;
    private boolean closed;

    private RecordingWriter(Path file, OutputStream out, Clock clock, Duration flushInterval, long startMicros) {
        this.file = file;
        this.out = out;
        this.clock = clock;
        this.flushInterval = flushInterval;
        this.previousMicros = startMicros;
        this.lastFlush = clock.instant();
    }

    /**
     * Creates (or overwrites) {@code file} and writes the header with the clock's current time as start,
     * flushed at once, so that an unwritable path or a full disk is known before anything is recorded.
     *
     * @throws UncheckedIOException naming the file and the reason
     */
    public static RecordingWriter create(Path file, Clock clock, Duration flushInterval) {
        long start = TrafficMessage.micros(clock.instant());
        OutputStream stream = null;
        try {
            stream = new BufferedOutputStream(Files.newOutputStream(file), BUFFER_BYTES);
            RecordingWriter writer = new RecordingWriter(file, stream, clock, flushInterval, start);
            stream.write(RecordingFormat.MAGIC);
            stream.write(RecordingFormat.VERSION);
            stream.write(ByteBuffer.allocate(Long.BYTES).putLong(start).array());
            stream.flush();
            writer.bytes = RecordingFormat.HEADER_BYTES;
            return writer;
        } catch (IOException e) {
            closeQuietly(stream);
            throw failure(file, e);
        }
    }

    /**
     * Appends one message. A time before the previous message's is written as the previous time (the
     * file's times never go backwards).
     */
    public synchronized void write(TrafficMessage message) {
        if (closed) {
            throw new IllegalStateException("recording " + file + " is closed");
        }
        long time = Math.max(message.timeMicros(), previousMicros);
        body.reset();
        Varints.write(body, time - previousMicros);
        body.write((message.qos() & RecordingFormat.QOS_MASK) | (message.retain() ? RecordingFormat.RETAIN_FLAG : 0));
        Integer known = topics.get(message.topic());
        if (known != null) {
            Varints.write(body, known);
        } else {
            byte[] topic = message.topic().getBytes(StandardCharsets.UTF_8);
            topics.put(message.topic(), topics.size() + 1);
            Varints.write(body, 0);
            Varints.write(body, topic.length);
            body.writeBytes(topic);
        }
        body.writeBytes(message.payload());
        byte[] bodyBytes = body.toByteArray();
        crc.reset();
        crc.update(bodyBytes);
        ByteArrayOutputStream frame = new ByteArrayOutputStream(bodyBytes.length + Varints.MAX_BYTES + Integer.BYTES);
        Varints.write(frame, bodyBytes.length);
        frame.writeBytes(bodyBytes);
        frame.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt((int) crc.getValue()).array());
        try {
            frame.writeTo(out);
        } catch (IOException e) {
            throw failure(file, e);
        }
        previousMicros = time;
        records++;
        bytes += frame.size();
        flushIfDue();
    }

    /** Flushes the buffer to the file when the flush interval has passed since the last flush. */
    public synchronized void flushIfDue() {
        if (closed) {
            return;
        }
        Instant now = clock.instant();
        if (Duration.between(lastFlush, now).compareTo(flushInterval) >= 0) {
            try {
                out.flush();
            } catch (IOException e) {
                throw failure(file, e);
            }
            lastFlush = now;
        }
    }

    public synchronized long records() {
        return records;
    }

    /** Bytes written so far, header included (some may still be in the buffer). */
    public synchronized long bytes() {
        return bytes;
    }

    public Path file() {
        return file;
    }

    /** Flushes and closes the file. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    private static UncheckedIOException failure(Path file, IOException e) {
        String reason;
        if (e instanceof NoSuchFileException) {
            Path folder = file.toAbsolutePath().getParent();
            reason = folder == null || !Files.isDirectory(folder) ? "its folder does not exist"
                    : "the file cannot be created in " + folder;
        } else if (e instanceof AccessDeniedException) {
            reason = "access denied";
        } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
            reason = fs.getReason();
        } else {
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new UncheckedIOException("cannot write the recording " + file + ": " + reason, e);
    }

    private static void closeQuietly(OutputStream stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException ignored) {
                // the original failure is the one to report
            }
        }
    }
}
