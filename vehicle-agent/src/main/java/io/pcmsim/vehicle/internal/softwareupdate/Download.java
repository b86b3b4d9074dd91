package io.pcmsim.vehicle.internal.softwareupdate;

import io.pcmsim.proto.v1.UpdateOffer;
import java.io.ByteArrayOutputStream;

/**
 * The chunks of one package the car holds. Knows the first missing chunk, where a download resumes after a
 * disconnect. Used on the vehicle's lane only.
 */
final class Download {

    private final UpdateOffer offer;
    private final byte[][] chunks;
    private int received;

    Download(UpdateOffer offer) {
        this.offer = offer;
        this.chunks = new byte[offer.getChunkCount()][];
    }

    UpdateOffer offer() {
        return offer;
    }

    /**
     * Keeps chunk {@code index}; a chunk held already is ignored.
     *
     * @throws IllegalArgumentException naming the index or size when the chunk does not belong to the package
     */
    void add(int index, byte[] data) {
        if (index < 0 || index >= chunks.length) {
            throw new IllegalArgumentException("update chunk index " + index + " is outside 0.." + (chunks.length - 1)
                    + " of campaign " + offer.getCampaignId());
        }
        long expected = index < chunks.length - 1 ? offer.getChunkSize()
                : offer.getSizeBytes() - (long) offer.getChunkSize() * (chunks.length - 1);
        if (data.length != expected) {
            throw new IllegalArgumentException("update chunk " + index + " of campaign " + offer.getCampaignId()
                    + " has " + data.length + " bytes, expected " + expected);
        }
        if (chunks[index] == null) {
            chunks[index] = data;
            received++;
        }
    }

    /** The first chunk not yet held; {@link #count()} when complete. */
    int firstMissing() {
        for (int i = 0; i < chunks.length; i++) {
            if (chunks[i] == null) {
                return i;
            }
        }
        return chunks.length;
    }

    int received() {
        return received;
    }

    int count() {
        return chunks.length;
    }

    boolean complete() {
        return received == chunks.length;
    }

    /** The package, once complete. */
    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) offer.getSizeBytes());
        for (byte[] chunk : chunks) {
            out.writeBytes(chunk);
        }
        return out.toByteArray();
    }
}
