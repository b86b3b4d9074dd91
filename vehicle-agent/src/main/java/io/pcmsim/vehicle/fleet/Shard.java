package io.pcmsim.vehicle.fleet;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One part of a fleet split across processes or machines: shard {@code number} of {@code count}. Every
 * process generates the same VIN list from the fleet's seed and size and runs the cars whose position
 * in that list, counted from 0, leaves the remainder {@code number - 1} when divided by {@code count}. So
 * the shards together are exactly the fleet, no VIN is in two of them, and their sizes differ by at
 * most one car. All shards of a fleet must be given the same seed and number of vehicles.
 *
 * @param number this shard, 1 to {@code count}
 * @param count number of shards, at least 1
 */
public record Shard(int number, int count) {

    private static final Pattern FORMAT = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*");

    public Shard {
        if (count < 1) {
            throw new IllegalArgumentException("the number of shards must be at least 1, was " + count);
        }
        if (number < 1 || number > count) {
            throw new IllegalArgumentException("the shard must be 1 to " + count + ", was " + number);
        }
    }

    /** The whole fleet in one process: shard 1/1. */
    public static Shard whole() {
        return new Shard(1, 1);
    }

    /**
     * Reads {@code K/N}, e.g. {@code 2/4}.
     *
     * @throws IllegalArgumentException naming the format or the range
     */
    public static Shard parse(String text) {
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a shard: write K/N, e.g. 2/4 for the second of four");
        }
        int number = Integer.parseInt(m.group(1));
        int count = Integer.parseInt(m.group(2));
        if (count < 1 || number < 1 || number > count) {
            throw new IllegalArgumentException("shard " + text.trim() + " does not exist: K/N needs 1 <= K <= N");
        }
        return new Shard(number, count);
    }

    /** Whether the car at {@code index} (from 0) of the fleet's VIN list belongs to this shard. */
    public boolean includes(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must be 0 or more, was " + index);
        }
        return index % count == number - 1;
    }

    /** Cars of a fleet of {@code vehicles} in this shard. */
    public int size(int vehicles) {
        int base = vehicles / count;
        return base + (number - 1 < vehicles % count ? 1 : 0);
    }

    @Override
    public String toString() {
        return number + "/" + count;
    }
}
