package io.pcmsim.backend.smartservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CollectionSettingsTest {

    @Test
    void aBadValue_isRefusedNamingItsField() {
        assertRefused(OptionalInt.of(59), Map.of(), "invalid-intervalSeconds");
        assertRefused(OptionalInt.of(CollectionSettings.MAX_INTERVAL_S + 1), Map.of(), "invalid-intervalSeconds");
        assertRefused(OptionalInt.empty(), Map.of("engine-oil-life", -1.0), "invalid-thresholds");
        assertRefused(OptionalInt.empty(), Map.of("engine-oil-life", Double.NaN), "invalid-thresholds");
        assertRefused(OptionalInt.empty(), Map.of("Engine Oil", 10.0), "invalid-thresholds");
        assertRefused(OptionalInt.empty(), Map.of(), "invalid-intervalSeconds");
    }

    @Test
    void anUnknownButWellFormedName_passes_theCarDecides() {
        CollectionSettings s = new CollectionSettings(OptionalInt.of(600), Map.of("washer-fluid", 10.0,
                "engine-oil-life", 20.0));

        assertThat(s.sortedThresholds().keySet()).containsExactly("engine-oil-life", "washer-fluid");
    }

    @Test
    void appliedSettings_areTheNewestPerNameInTheOrderTheCarAppliedThem() {
        java.time.Instant t = java.time.Instant.parse("2026-06-01T10:00:00Z");
        io.pcmsim.protocol.Vin vin = io.pcmsim.protocol.Vin.of("WP0ZZZ99ZTS392124");
        SentConfig first = new SentConfig("a", vin, new CollectionSettings(OptionalInt.of(600),
                Map.of("engine-oil-life", 20.0)), ConfigState.APPLIED, t, java.util.Optional.of(t.plusSeconds(5)));
        SentConfig second = new SentConfig("b", vin, new CollectionSettings(OptionalInt.empty(),
                Map.of("engine-oil-life", 25.0, "brake-pad-wear", 70.0)), ConfigState.APPLIED, t.plusSeconds(1),
                java.util.Optional.of(t.plusSeconds(9)));
        SentConfig refused = new SentConfig("c", vin, new CollectionSettings(OptionalInt.of(60),
                Map.of("no-such-limit", 1.0)), ConfigState.PENDING, t.plusSeconds(2), java.util.Optional.empty());

        CollectionConfigs configs = CollectionConfigs.of(java.util.List.of(first, second, refused));

        assertThat(configs.appliedIntervalSeconds()).hasValue(600);
        assertThat(configs.appliedThresholds()).containsExactlyInAnyOrderEntriesOf(Map.of("engine-oil-life", 25.0,
                "brake-pad-wear", 70.0));
        assertThat(configs.lastApplied()).contains("b");
    }

    private static void assertRefused(OptionalInt interval, Map<String, Double> thresholds, String code) {
        assertThatThrownBy(() -> new CollectionSettings(interval, thresholds))
                .isInstanceOfSatisfying(SmartServiceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SmartServiceException.Kind.INVALID);
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getMessage()).startsWith(code.substring("invalid-".length()));
                });
    }
}
