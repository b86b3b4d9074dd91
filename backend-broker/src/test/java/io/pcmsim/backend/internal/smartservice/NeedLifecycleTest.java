package io.pcmsim.backend.internal.smartservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.pcmsim.backend.Component;
import io.pcmsim.backend.MaintenanceNeed;
import io.pcmsim.backend.Severity;
import io.pcmsim.backend.smartservice.NeedState;
import io.pcmsim.protocol.ReportedState;
import io.pcmsim.protocol.VehicleSnapshot;
import io.pcmsim.protocol.Vin;
import io.pcmsim.protocol.WheelReadings;
import io.pcmsim.protocol.Wheels;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class NeedLifecycleTest {

    private static final Vin VIN = Vin.of("WP0ZZZ99ZTS392124");
    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
    private final MaintenanceRules rules = MaintenanceRules.defaults();

    private static ReportedState state(double oil, double pad, double tyre, double toServiceKm, List<String> dtcs) {
        return ReportedState.of(new VehicleSnapshot(40_000, 800, oil, new Wheels(pad, 20, 20, 20), 12.6,
                new Wheels(tyre, 250, 250, 250), 250, toServiceKm, Duration.ofDays(200), dtcs));
    }

    private static ReportedState worn() {
        return state(12, 91, 200, 1_000, List.of("P0301"));
    }

    /** After the workshop: every pad new. */
    private static ReportedState fresh() {
        return ReportedState.of(new VehicleSnapshot(40_100, 802, 100, Wheels.all(0), 12.6, Wheels.all(250), 250,
                15_000, Duration.ofDays(365), List.of()));
    }

    private NeedLifecycle.Steps steps(List<NeedLifecycle.Unresolved> unresolved, ReportedState s, Instant at) {
        return NeedLifecycle.steps(unresolved, rules.evaluate(VIN, s, at), s, at);
    }

    private static List<NeedLifecycle.Unresolved> unresolved(NeedLifecycle.Steps opened, NeedState state) {
        return opened.opened().stream().map(o -> new NeedLifecycle.Unresolved(o.needId(), VIN, o.need().component(),
                state, o.need().severity(), o.vehicleTime())).toList();
    }

    @Test
    void everyNeedTheStateShows_opensOnce() {
        NeedLifecycle.Steps first = steps(List.of(), worn(), T0);

        assertThat(first.opened()).extracting(o -> o.need().component()).containsExactly(Component.ENGINE_OIL,
                Component.BRAKE_PADS, Component.TIRE_PRESSURE, Component.SERVICE_INTERVAL,
                Component.DIAGNOSTIC_TROUBLE_CODES);
        assertThat(first.opened()).allSatisfy(o -> assertThat(o.vehicleTime()).isEqualTo(T0));
        assertThat(steps(unresolved(first, NeedState.OPEN), worn(), T0.plusSeconds(60)).isEmpty())
                .as("the same state again opens nothing and changes nothing").isTrue();
    }

    @Test
    void aLaterStateWithThePartsReplaced_resolvesEveryNeed_whateverItsState() {
        List<NeedLifecycle.Unresolved> booked = unresolved(steps(List.of(), worn(), T0), NeedState.BOOKED);

        NeedLifecycle.Steps after = steps(booked, fresh(), T0.plus(Duration.ofDays(3)));

        assertThat(after.resolved()).hasSize(5)
                .allSatisfy(r -> assertThat(r.vehicleTime()).isEqualTo(T0.plus(Duration.ofDays(3))));
        assertThat(after.resolved()).extracting(NeedLifecycle.Resolved::evidence)
                .contains("engine oil life 100 %", "no trouble codes stored");
        assertThat(after.opened()).isEmpty();
    }

    @Test
    void aStateThatShowsNoNeedButNoReplacement_leavesTheNeedAsItIs() {
        List<NeedLifecycle.Unresolved> open = unresolved(steps(List.of(), worn(), T0), NeedState.OPEN);
        ReportedState notReplaced = state(40, 60, 232, 3_000, List.of("P0301"));

        NeedLifecycle.Steps after = steps(open, notReplaced, T0.plusSeconds(3_600));

        assertThat(after.resolved()).as("oil 40 %, pads 60 %, tyre 7 % low, 3,000 km to service: not replaced")
                .isEmpty();
    }

    @Test
    void aReplacementNotLaterThanTheNeed_resolvesNothing() {
        List<NeedLifecycle.Unresolved> open = unresolved(steps(List.of(), worn(), T0), NeedState.OPEN);

        assertThat(steps(open, fresh(), T0).resolved()).isEmpty();
        assertThat(steps(open, fresh(), T0.minusSeconds(1)).resolved()).isEmpty();
    }

    @Test
    void aChangedSeverity_updatesTheOpenNeed_withTheDueAndReasonOfTheState_whenLater() {
        List<NeedLifecycle.Unresolved> open = unresolved(steps(List.of(), worn(), T0), NeedState.OPEN);
        ReportedState oilLow = state(3, 91, 200, 1_000, List.of("P0301"));

        NeedLifecycle.Steps after = steps(open, oilLow, T0.plusSeconds(60));

        assertThat(after.updated()).singleElement().satisfies(u -> {
            assertThat(u.need().component()).isEqualTo(Component.ENGINE_OIL);
            assertThat(u.needId()).isEqualTo(open.get(0).needId());
            assertThat(u.need().severity()).isEqualTo(Severity.HIGH);
            assertThat(u.need().reason()).isEqualTo("engine oil life 3 % left");
            assertThat(u.need().dueKm()).hasValue(40_000 + 0.03 * MaintenanceRules.OIL_INTERVAL_KM);
            assertThat(u.vehicleTime()).isEqualTo(T0.plusSeconds(60));
        });
        assertThat(after.opened()).isEmpty();
        assertThat(steps(open, oilLow, T0).updated()).as("not later than the need's last step").isEmpty();
    }

    @Test
    void movedDueAndReason_withTheSameSeverity_takeNoStep() {
        NeedLifecycle.Steps first = steps(List.of(), worn(), T0);
        List<MaintenanceNeed> before = first.opened().stream().map(NeedLifecycle.Opened::need).toList();
        ReportedState moved = ReportedState.of(new VehicleSnapshot(40_700, 815, 9, new Wheels(94, 20, 20, 20), 12.6,
                new Wheels(190, 250, 250, 250), 250, 300, Duration.ofDays(20), List.of("P0301", "P0420")));
        Instant later = T0.plus(Duration.ofDays(2));
        List<MaintenanceNeed> shown = rules.evaluate(VIN, moved, later);
        assertThat(shown).extracting(MaintenanceNeed::component, MaintenanceNeed::severity)
                .containsExactlyElementsOf(before.stream().map(n -> tuple(n.component(), n.severity())).toList());
        assertThat(shown).as("each with another due or reason").doesNotContainAnyElementsOf(before);

        NeedLifecycle.Steps after = NeedLifecycle.steps(unresolved(first, NeedState.OPEN), shown, moved, later);

        assertThat(after.isEmpty()).as("oil 12 -> 9 %, pad 91 -> 94 %, tyre 200 -> 190 kPa, 1,000 -> 300 km to"
                + " service, a second trouble code, 700 km on: the same severities, no step").isTrue();
    }

    @Test
    void aNeedThatShowsAgainAfterItWasResolved_isANewNeed() {
        NeedLifecycle.Steps first = steps(List.of(), worn(), T0);

        NeedLifecycle.Steps again = steps(List.of(), worn(), T0.plus(Duration.ofDays(400)));

        assertThat(again.opened()).hasSize(first.opened().size());
        assertThat(again.opened()).extracting(NeedLifecycle.Opened::needId)
                .doesNotContainAnyElementsOf(first.opened().stream().map(NeedLifecycle.Opened::needId).toList());
    }

    @Test
    void unreportedReadings_showNothingReplaced() {
        for (Component c : Component.values()) {
            if (c != Component.DIAGNOSTIC_TROUBLE_CODES) {
                assertThat(ReplacementRules.replaced(c, new ReportedState(OptionalDouble.empty(), OptionalDouble.empty(),
                        OptionalDouble.empty(), WheelReadings.NONE, OptionalDouble.empty(), WheelReadings.NONE,
                        OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(), List.of())))
                        .as(c.name()).isEmpty();
            }
        }
    }

    @Test
    void needsFromTheRules_areTheOnesTheLifecycleSees() {
        List<MaintenanceNeed> shown = rules.evaluate(VIN, worn(), T0);
        assertThat(NeedLifecycle.steps(List.of(), shown, worn(), T0).opened()).hasSameSizeAs(shown);
    }
}
