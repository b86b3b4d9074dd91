package io.pcmsim.backend.smartservice;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a collection config changes in a car: its Smart Service report interval and threshold limits by
 * name. Names are not checked against a list: a car refuses a config with a name it does not know, and the
 * config stays {@link ConfigState#PENDING}. The car's names are in {@code docs/protocol.md}.
 *
 * @param intervalSeconds the report interval, {@value #MIN_INTERVAL_S} s to {@value #MAX_INTERVAL_S} s; empty: unchanged
 * @param thresholds limits by name (lower-case words joined by dashes), each finite and 0 or more
 */
public record CollectionSettings(OptionalInt intervalSeconds, Map<String, Double> thresholds) {

    /** Shortest report interval a backend may ask for, seconds. */
    public static final int MIN_INTERVAL_S = 60;
    /** Longest report interval, seconds (30 days). */
    public static final int MAX_INTERVAL_S = 30 * 86_400;
    /** Most thresholds in one config. */
    public static final int MAX_THRESHOLDS = 32;
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_NAME = 64;
    private static final double MAX_VALUE = 1e9;

    /**
     * @throws SmartServiceException {@link SmartServiceException.Kind#INVALID}, naming the field, when a
     *     value is out of range or the config changes nothing
     */
    public CollectionSettings {
        Objects.requireNonNull(intervalSeconds, "intervalSeconds");
        Objects.requireNonNull(thresholds, "thresholds");
        if (intervalSeconds.isPresent()
                && (intervalSeconds.getAsInt() < MIN_INTERVAL_S || intervalSeconds.getAsInt() > MAX_INTERVAL_S)) {
            throw SmartServiceException.invalid("intervalSeconds", "must be " + MIN_INTERVAL_S + " to "
                    + MAX_INTERVAL_S + " seconds, was " + intervalSeconds.getAsInt());
        }
        if (thresholds.size() > MAX_THRESHOLDS) {
            throw SmartServiceException.invalid("thresholds", "at most " + MAX_THRESHOLDS + " limits, had "
                    + thresholds.size());
        }
        for (Map.Entry<String, Double> t : thresholds.entrySet()) {
            String name = Objects.requireNonNull(t.getKey(), "threshold name");
            if (name.length() > MAX_NAME || !NAME.matcher(name).matches()) {
                throw SmartServiceException.invalid("thresholds", "name [" + name + "] must be lower-case words"
                        + " joined by dashes, at most " + MAX_NAME + " characters, e.g. engine-oil-life");
            }
            Double value = t.getValue();
            if (value == null || !Double.isFinite(value) || value < 0 || value > MAX_VALUE) {
                throw SmartServiceException.invalid("thresholds", name + " must be a number from 0 to 1e9, was "
                        + value);
            }
        }
        if (intervalSeconds.isEmpty() && thresholds.isEmpty()) {
            throw SmartServiceException.invalid("intervalSeconds", "a config must change the interval or at"
                    + " least one threshold");
        }
        thresholds = Map.copyOf(new TreeMap<>(thresholds));
    }

    /** Thresholds in name order. */
    public Map<String, Double> sortedThresholds() {
        return new TreeMap<>(thresholds);
    }
}
