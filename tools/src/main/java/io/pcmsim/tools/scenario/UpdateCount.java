package io.pcmsim.tools.scenario;

import io.pcmsim.backend.softwareupdate.SoftwareUpdateCounts;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/** What a {@code softwareUpdates} expectation counts ({@code count:}), from the backend's {@link SoftwareUpdateCounts}. */
public enum UpdateCount {
    OFFERED("cars offered an update", SoftwareUpdateCounts::offered),
    INSTALLED("installs done", SoftwareUpdateCounts::installed),
    FAILED("installs or package checks failed", SoftwareUpdateCounts::failed),
    DECLINED("offers declined", SoftwareUpdateCounts::declined),
    DEFERRED("offers deferred", SoftwareUpdateCounts::deferred),
    NOT_ENTITLED("queries answered not entitled", SoftwareUpdateCounts::notEntitled),
    WAVES("waves opened", SoftwareUpdateCounts::waves),
    HALTED("campaigns halted", SoftwareUpdateCounts::halted);

    private final String words;
    private final ToLongFunction<SoftwareUpdateCounts> count;

    UpdateCount(String words, ToLongFunction<SoftwareUpdateCounts> count) {
        this.words = words;
        this.count = count;
    }

    /** The name in a scenario file, e.g. {@code notEntitled}. */
    String fileName() {
        String[] parts = name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder text = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            text.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return text.toString();
    }

    String words() {
        return words;
    }

    long of(SoftwareUpdateCounts counts) {
        return count.applyAsLong(counts);
    }

    static UpdateCount parse(String text) {
        return Arrays.stream(values()).filter(c -> c.fileName().equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("\"" + text + "\" is not a software update count ("
                        + String.join(", ", Arrays.stream(values()).map(UpdateCount::fileName).toList()) + ")"));
    }

    /** Every count by its file name, for the report. */
    static Map<String, Object> toJsonTree(SoftwareUpdateCounts counts) {
        Map<String, Object> tree = new LinkedHashMap<>();
        for (UpdateCount c : values()) {
            tree.put(c.fileName(), c.of(counts));
        }
        return tree;
    }
}
