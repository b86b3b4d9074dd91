package io.pcmsim.backend.mapprovider;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One map version of one region in the provider's catalogue.
 *
 * @param region region code, e.g. {@code EU} or {@code NA-US}
 * @param version map version, digits and dots, e.g. {@code 2027.1}
 * @param sizeBytes size of its package, 1 byte to 64 MiB
 * @param publishedAt when it was published
 */
public record MapRelease(String region, String version, long sizeBytes, Instant publishedAt) {

    /** Largest package a release may have. */
    public static final long MAX_SIZE_BYTES = 64L * 1024 * 1024;
    private static final Pattern REGION = Pattern.compile("[A-Z]{2,3}(-[A-Z]{2,3})?");
    private static final Pattern VERSION = Pattern.compile("[0-9]{1,4}(\\.[0-9]{1,4}){0,3}");

    public MapRelease {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(publishedAt, "publishedAt");
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("map region [" + region + "] must be 2 or 3 capital letters,"
                    + " optionally a dash and 2 or 3 more (EU, NA-US)");
        }
        if (!VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("map version [" + version + "] must be 1 to 4 groups of up to 4"
                    + " digits separated by dots (2027.1)");
        }
        if (sizeBytes < 1 || sizeBytes > MAX_SIZE_BYTES) {
            throw new IllegalArgumentException("map package size must be 1 to " + MAX_SIZE_BYTES + " bytes, was "
                    + sizeBytes);
        }
    }

    /** Whether this release is newer than {@code otherVersion} (numeric comparison group by group). */
    public boolean newerThan(String otherVersion) {
        return compareVersions(version, otherVersion) > 0;
    }

    /** Compares two version texts group by group, numerically; a missing group counts as 0. */
    public static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Long.compare(group(x, i), group(y, i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static long group(String[] groups, int i) {
        if (i >= groups.length) {
            return 0;
        }
        try {
            return Long.parseLong(groups[i]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
