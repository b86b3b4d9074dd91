package io.pcmsim.tools.traffic;

/**
 * The recording file, version 1 (docs/recording.md has the full description):
 * <pre>
 * header:  8 bytes magic 0x89 'P' 'C' 'M' 'R' 'E' 'C' '\n', 1 byte version (1),
 *          8 bytes start time, microseconds since the epoch, signed big-endian
 * record:  varint length of the body, the body, 4 bytes CRC-32C of the body (big-endian)
 * body:    varint microseconds since the previous record (the first: since the start time),
 *          1 byte flags (bits 0-1 QoS, bit 2 retain), varint topic reference (0: a new topic follows as
 *          varint length + UTF-8, numbered 1, 2, ... in order of appearance; k: the topic numbered k),
 *          then the payload: the rest of the body
 * </pre>
 * Varints are unsigned LEB128, as in protobuf.
 */
final class RecordingFormat {

    static final byte[] MAGIC = {(byte) 0x89, 'P', 'C', 'M', 'R', 'E', 'C', '\n'};
    static final int VERSION = 1;
    static final int HEADER_BYTES = MAGIC.length + 1 + Long.BYTES;
    /** Largest body a reader accepts; anything longer is taken for corruption (MQTT payloads here are small). */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    static final int QOS_MASK = 0b11;
    static final int RETAIN_FLAG = 0b100;

    private RecordingFormat() {
    }
}
