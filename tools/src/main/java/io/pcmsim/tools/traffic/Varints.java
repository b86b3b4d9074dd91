package io.pcmsim.tools.traffic;

import java.io.ByteArrayOutputStream;

/** Unsigned LEB128 variable-length integers (as protobuf writes them): 7 bits per byte, low bits first. */
final class Varints {

    /** A 64-bit value needs at most 10 bytes. */
    static final int MAX_BYTES = 10;

    private Varints() {
    }

    static void write(ByteArrayOutputStream out, long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    /** How many bytes {@link #write} writes for {@code value}. */
    static int size(long value) {
        int n = 1;
        long v = value;
        while ((v & ~0x7FL) != 0) {
            n++;
            v >>>= 7;
        }
        return n;
    }
}
