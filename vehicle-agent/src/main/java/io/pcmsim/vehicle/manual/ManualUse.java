package io.pcmsim.vehicle.manual;

/**
 * How the simulated drivers of a fleet use the manual links they receive: for a share of the messages they
 * open the first linked chapter, and for a share of the chapters they open they add it to their favourites.
 * Which ones is decided from the message's event id (made from the VIN, the car's count of shown messages
 * and the vehicle time), so a fleet with the same seed and clock does the same.
 *
 * @param openShare share of received links whose first chapter the driver opens, 0 to 1
 * @param favouriteShare share of opened chapters the driver adds to the favourites, 0 to 1
 */
public record ManualUse(double openShare, double favouriteShare) {

    public ManualUse {
        requireShare("openShare", openShare);
        requireShare("favouriteShare", favouriteShare);
    }

    /** Drivers open half of the linked chapters and keep one in five of those as a favourite. */
    public static ManualUse defaults() {
        return new ManualUse(0.5, 0.2);
    }

    /** Drivers never open a chapter on their own (the console's driver does it by command). */
    public static ManualUse none() {
        return new ManualUse(0, 0);
    }

    /** Whether the driver opens the first chapter linked to the shown message with this event id. */
    public boolean opens(String eventId) {
        return draw(eventId, 0x51ED27L) < openShare;
    }

    /** Whether the driver keeps the chapter opened for that message as a favourite. */
    public boolean keeps(String eventId) {
        return draw(eventId, 0x2545F491L) < favouriteShare;
    }

    private static double draw(String key, long salt) {
        long h = key.hashCode() * 0x9E3779B97F4A7C15L + salt;
        h ^= h >>> 31;
        h *= 0x94D049BB133111EBL;
        h ^= h >>> 29;
        return (h >>> 11) / (double) (1L << 53);
    }

    private static void requireShare(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value);
        }
    }
}
