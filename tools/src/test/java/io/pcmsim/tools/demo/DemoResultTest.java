package io.pcmsim.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcmsim.backend.breakdown.BreakdownCounts;
import io.pcmsim.backend.manual.ManualCounts;
import io.pcmsim.backend.mapupdate.MapUpdateCounts;
import io.pcmsim.backend.softwareupdate.SoftwareUpdateCounts;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoResultTest {

    private static DemoResult result(long received, long stored, long duplicates, Map<String, Long> rejected,
                                     long whilePrivate) {
        return new DemoResult(10, Duration.ofSeconds(30), Duration.ofHours(30), 1883,
                Map.of("login", 10L, "smart-service", 290L), Map.of("smart-service", 12L), received, stored,
                duplicates, rejected, 4, Map.of("ENGINE_OIL", 4L), Map.of("MEDIUM", 4L), 2, whilePrivate,
                whilePrivate > 0 ? Set.of("WP0ZZZ99ZTS392124") : Set.of(), 0, 14,
                new DemoBreakdowns(3, 1, 1, new BreakdownCounts(3, 1, 2, 2, 1, 1)),
                new DemoManual(new ManualCounts(9, 5, 4, 1, 3, 1, 0, 0, 0)),
                new DemoUpdates(3, new SoftwareUpdateCounts(8, 5, 1, 1, 1, 0, 4, 1), new MapUpdateCounts(9, 1, 9, 12, 6, 6)),
                false);
    }

    private static DemoResult interruptedWithForeign(long foreign) {
        return new DemoResult(10, Duration.ofSeconds(5), Duration.ofHours(5), 1883,
                Map.of("login", 10L, "smart-service", 40L), Map.of(), 50 + foreign, 50, 0,
                Map.of("malformed-payload", foreign), 1, Map.of(), Map.of(), 2, 0, Set.of(), foreign, 0,
                DemoBreakdowns.NONE, DemoManual.NONE, DemoUpdates.NONE, true);
    }

    @Test
    void notHandledByBackend_countsWhatWasNeitherStoredCountedNorRejected() {
        assertThat(result(300, 290, 4, Map.of("invalid-vin", 1L), 0).notHandledByBackend()).isEqualTo(5);
        assertThat(result(300, 300, 0, Map.of(), 0).notHandledByBackend()).isZero();
        assertThat(result(300, 298, 3, Map.of(), 0).notHandledByBackend()).as("never negative").isZero();
    }

    @Test
    void summary_whenBackendBehind_saysSo() {
        assertThat(result(300, 200, 0, Map.of(), 0).summary()).contains("BACKEND FELL BEHIND 100 received messages");
        assertThat(result(300, 300, 0, Map.of(), 0).summary()).doesNotContain("FELL BEHIND");
    }

    @Test
    void summary_whenPrivateCarTransmitted_namesIt() {
        assertThat(result(300, 300, 0, Map.of(), 1).summary())
                .contains("PRIVACY VIOLATION")
                .contains("WP0ZZZ99ZTS392124");
    }

    @Test
    void toJsonTree_carriesTheDocumentedKeys() {
        Map<String, Object> json = result(300, 300, 0, Map.of(), 0).toJsonTree();
        assertThat(json).containsKeys("interrupted", "vehicles", "simulatedSeconds", "published", "receivedByBroker",
                "foreignPublishesOnCarTopics", "stored", "rejected", "maintenanceNeeds", "privacy", "notHandledByBackend");
        assertThat(json.get("simulatedSeconds")).isEqualTo(108_000L);
        assertThat(json.get("published")).isEqualTo(Map.of("login", 10L, "smart-service", 290L));
        assertThat(json.get("breakdown")).isEqualTo(Map.of("inCarCalls", 3L, "refusedByCarSettings", 1L,
                "appCalls", 1L, "cases", 3L, "forwardedToAssistance", 1L, "forwardedToDealers", 2L,
                "withheldForLackOfConsent", 3L, "pullsTimedOut", 1L));
    }

    @Test
    void summary_countsBreakdownCallsInCarsAndApp_andWhatTheBackendForwarded() {
        assertThat(result(300, 300, 0, Map.of(), 0).summary()).contains("breakdown calls     3 in cars (1 refused by"
                + " the car's settings), 1 in the app; cases 3: to Assistance 1, to dealers 2, withheld for lack of"
                + " consent 3, pulls timed out 1");
    }

    @Test
    void toJsonTreeAndSummary_whenInterrupted_sayWhatWasMeasuredUntilThen() {
        DemoResult result = interruptedWithForeign(3);

        assertThat(result.toJsonTree()).containsEntry("interrupted", true)
                .containsEntry("foreignPublishesOnCarTopics", 3L).containsEntry("stored", 50L);
        assertThat(result.summary()).contains("INTERRUPTED, counts until then")
                .contains("53 uplink messages (3 published by other clients than the car");
        assertThat(result(300, 300, 0, Map.of(), 0).toJsonTree()).containsEntry("interrupted", false);
    }

    @Test
    void summaryAndJson_showTheOwnersManual() {
        DemoResult result = result(300, 300, 0, Map.of(), 0);
        assertThat(result.summary()).contains("owner's manual      9 events: 5 messages shown, 4 answered with chapter"
                + " links (1 codes unknown), 3 chapters opened, 1 favourites kept");
        assertThat(result.toJsonTree().get("manual")).isEqualTo(Map.of("events", 9L, "messagesShown", 5L,
                "linksServed", 4L, "unknownCodes", 1L, "chaptersVisited", 3L, "favourites", 1L));
    }

    @Test
    void summaryAndJson_showSoftwareAndMapUpdates() {
        DemoResult result = result(300, 300, 0, Map.of(), 0);
        assertThat(result.summary())
                .contains("software update     3 campaigns, 4 waves opened, 1 halted on failures; offered 8, installed 5,"
                        + " failed 1, declined 1, deferred 1")
                .contains("map update          9 anonymous keys issued (1 cars not entitled), 12 version checks at"
                        + " vehicle starts, 6 maps sent, 6 installed");
        assertThat(result.toJsonTree().get("softwareUpdate").toString()).isEqualTo("{campaigns=3, offered=8, installed=5,"
                + " failed=1, declined=1, deferred=1, notEntitled=0, waves=4, halted=1}");
        assertThat(result.toJsonTree().get("mapUpdate").toString())
                .isEqualTo("{keysIssued=9, notEntitled=1, checks=12, offered=6, installed=6}");
    }
}
