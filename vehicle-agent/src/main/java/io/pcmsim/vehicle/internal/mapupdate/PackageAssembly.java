package io.pcmsim.vehicle.internal.mapupdate;

import io.pcmsim.proto.v1.MapPackageChunk;
import java.util.BitSet;

/** The chunks of one map package received so far; complete when every index arrived once. */
final class PackageAssembly {

    private final String region;
    private final String version;
    private final BitSet received = new BitSet();
    private int count = -1;
    private long bytes;

    PackageAssembly(String region, String version) {
        this.region = region;
        this.version = version;
    }

    /** Takes {@code chunk} when it belongs to this package; false for another version or a bad index. */
    boolean accept(MapPackageChunk chunk) {
        if (!chunk.getVersion().equals(version) || chunk.getCount() == 0 || chunk.getIndex() >= chunk.getCount()
                || (count >= 0 && chunk.getCount() != count)) {
            return false;
        }
        count = chunk.getCount();
        if (!received.get(chunk.getIndex())) {
            received.set(chunk.getIndex());
            bytes += chunk.getData().size();
        }
        return true;
    }

    boolean complete() {
        return count > 0 && received.cardinality() == count;
    }

    String region() {
        return region;
    }

    String version() {
        return version;
    }

    long bytes() {
        return bytes;
    }
}
