package io.pcmsim.tools.traffic;

import java.nio.file.Path;

/**
 * A recording that cannot be read on from some byte on: it ends inside a record (truncated, e.g. the
 * recorder was killed), or a record is corrupt (wrong checksum, impossible values), or it is not a
 * recording at all. The records before {@link #offset()} were read fine.
 */
public final class BrokenRecordingException extends RuntimeException {

    private final Path file;
    private final long offset;
    private final long recordsBefore;
    private final boolean truncated;

    BrokenRecordingException(Path file, long offset, long recordsBefore, boolean truncated, String reason) {
        super("recording " + file + " is " + (truncated ? "truncated" : "broken") + " at byte " + offset
                + " (after " + recordsBefore + " good record" + (recordsBefore == 1 ? "" : "s") + "): " + reason);
        this.file = file;
        this.offset = offset;
        this.recordsBefore = recordsBefore;
        this.truncated = truncated;
    }

    public Path file() {
        return file;
    }

    /** Byte offset in the file where the broken record (or header) starts. */
    public long offset() {
        return offset;
    }

    /** Records read fine before the broken one. */
    public long recordsBefore() {
        return recordsBefore;
    }

    /** True when the file just ends inside a record (what a killed recorder leaves), false when corrupt. */
    public boolean truncated() {
        return truncated;
    }
}
