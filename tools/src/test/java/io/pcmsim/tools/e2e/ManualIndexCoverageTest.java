package io.pcmsim.tools.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcmsim.backend.internal.manual.ManualIndex;
import io.pcmsim.vehicle.model.ClusterWarning;
import org.junit.jupiter.api.Test;

/** The backend's shipped manual index against the car: every warning a car can show links to a chapter. */
class ManualIndexCoverageTest {

    @Test
    void everyClusterWarningTheCarCanShow_linksToAtLeastOneChapter() {
        ManualIndex index = ManualIndex.shipped();
        for (ClusterWarning warning : ClusterWarning.values()) {
            assertThat(index.chapters(warning.code())).as(warning.code()).isNotEmpty();
        }
    }
}
