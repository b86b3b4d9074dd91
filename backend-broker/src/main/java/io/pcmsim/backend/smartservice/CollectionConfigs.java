package io.pcmsim.backend.smartservice;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The collection configs sent to one car, oldest first, and what it applied of them.
 *
 * @param sent every config sent, oldest first
 * @param appliedIntervalSeconds the report interval of the newest applied config that set one (by the car's
 *     clock); empty when none did (the car's own default is in force)
 * @param appliedThresholds each threshold as the newest applied config that set it has it
 * @param lastApplied the config the car applied last, if any
 */
public record CollectionConfigs(List<SentConfig> sent, OptionalInt appliedIntervalSeconds,
        Map<String, Double> appliedThresholds, Optional<String> lastApplied) {

    public CollectionConfigs {
        sent = List.copyOf(sent);
        Objects.requireNonNull(appliedIntervalSeconds, "appliedIntervalSeconds");
        appliedThresholds = Map.copyOf(appliedThresholds);
        Objects.requireNonNull(lastApplied, "lastApplied");
    }

    /** What the configs of {@code sent} (oldest first) put in force, in the order the car applied them. */
    public static CollectionConfigs of(List<SentConfig> sent) {
        List<SentConfig> applied = sent.stream().filter(c -> c.state() == ConfigState.APPLIED)
                .sorted(java.util.Comparator.comparing((SentConfig c) -> c.appliedAt().orElseThrow())).toList();
        OptionalInt interval = OptionalInt.empty();
        Map<String, Double> thresholds = new TreeMap<>();
        for (SentConfig c : applied) {
            if (c.settings().intervalSeconds().isPresent()) {
                interval = c.settings().intervalSeconds();
            }
            thresholds.putAll(c.settings().thresholds());
        }
        Optional<String> last = applied.isEmpty() ? Optional.empty()
                : Optional.of(applied.get(applied.size() - 1).configId());
        return new CollectionConfigs(sent, interval, thresholds, last);
    }
}
