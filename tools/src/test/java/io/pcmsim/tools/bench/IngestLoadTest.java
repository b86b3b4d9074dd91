package io.pcmsim.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IngestLoadTest {

    /** Failed before: the warm-up's cars were drawn with a seed of their own and shared VINs with the measured load. */
    @Test
    void prepare_skippingTheVinsOfAnotherLoad_hasNoVinInCommonWithIt() {
        long seed = 42;

        IngestLoad warm = IngestLoad.prepare(4_000, 2_000, seed, 0);
        IngestLoad measured = IngestLoad.prepare(6_000, 3_000, seed, 2_000);

        assertThat(warm.vins()).hasSize(2_000);
        assertThat(measured.vins()).hasSize(3_000).doesNotContainAnyElementsOf(warm.vins());
        Set<String> topics = new HashSet<>(warm.topics());
        assertThat(measured.topics()).noneMatch(topics::contains);
        assertThat(measured.payloads()).hasSize(6_000);
    }
}
