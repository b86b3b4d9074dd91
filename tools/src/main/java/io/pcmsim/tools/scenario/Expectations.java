package io.pcmsim.tools.scenario;

import io.pcmsim.backend.SequenceGaps;
import io.pcmsim.backend.breakdown.BreakdownCounts;
import io.pcmsim.backend.mapupdate.MapUpdateCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks a scenario's expectations against what its run measured. Stateless. */
final class Expectations {

    private Expectations() {
    }

    static List<Outcome> check(List<Expectation> expectations, Measured m) {
        return expectations.stream().map(e -> check(e, m)).toList();
    }

    static Outcome check(Expectation e, Measured m) {
        if (e instanceof Expectation.NothingReceivedWhilePrivate) {
            return new Outcome(e, m.receivedWhilePrivate() == 0, "no message from cars while private",
                    m.receivedWhilePrivate() == 0 ? "none"
                            : m.receivedWhilePrivate() + " messages from " + m.privacyOffenders());
        }
        if (e instanceof Expectation.NoMessageLost) {
            SequenceGaps gaps = m.gaps().orElse(new SequenceGaps(0, 0, List.of()));
            return new Outcome(e, gaps.missing() == 0, "no sequence number missing at the backend",
                    gaps.missing() == 0 ? "none missing in " + gaps.boots() + " boots"
                            : gaps.missing() + " missing (VIN/boot: count) " + gaps.examples());
        }
        if (e instanceof Expectation.Stored stored) {
            return bounded(e, stored.atLeast(), stored.atMost(), m.stored());
        }
        if (e instanceof Expectation.Rejected rejected) {
            return bounded(e, rejected.atLeast(), rejected.atMost(), m.rejected());
        }
        if (e instanceof Expectation.MaintenanceNeeds needs) {
            long actual = m.needs().map(s -> needs.component()
                    .map(c -> s.byComponent().getOrDefault(c.name(), 0L)).orElse(s.total())).orElse(0L);
            Outcome outcome = bounded(e, needs.atLeast(), needs.atMost(), actual);
            String of = needs.component().map(c -> " " + c.name() + " needs").orElse(" needs");
            return new Outcome(e, outcome.passed(), outcome.expected() + of, outcome.actual());
        }
        if (e instanceof Expectation.BreakdownCases cases) {
            long actual = m.breakdown().map(b -> cases.filter().map(f -> f.count(b)).orElse(b.calls())).orElse(0L);
            Outcome outcome = bounded(e, cases.atLeast(), cases.atMost(), actual);
            String of = cases.filter().map(f -> " cases " + f.words()).orElse(" cases");
            return new Outcome(e, outcome.passed(), outcome.expected() + of, outcome.actual());
        }
        if (e instanceof Expectation.ManualEvents manual) {
            return ManualFigures.check(manual, m.manual());
        }
        if (e instanceof Expectation.PullsTimedOut timedOut) {
            Outcome outcome = bounded(e, timedOut.atLeast(), timedOut.atMost(),
                    m.breakdown().map(BreakdownCounts::pullsTimedOut).orElse(0L));
            return new Outcome(e, outcome.passed(), outcome.expected() + " unanswered data pulls", outcome.actual());
        }
        if (e instanceof Expectation.SoftwareUpdates updates) {
            Outcome outcome = bounded(e, updates.atLeast(), updates.atMost(),
                    m.softwareUpdates().map(updates.count()::of).orElse(0L));
            return new Outcome(e, outcome.passed(), outcome.expected() + " " + updates.count().words(),
                    outcome.actual());
        }
        if (e instanceof Expectation.MapUpdates maps) {
            long checks = m.maps().map(MapUpdateCounts::checks).orElse(0L);
            long installed = m.maps().map(MapUpdateCounts::installed).orElse(0L);
            boolean passed = maps.checks().map(min -> checks >= min).orElse(true)
                    && maps.installed().map(min -> installed >= min).orElse(true);
            List<String> expected = new ArrayList<>();
            maps.checks().ifPresent(min -> expected.add("at least " + min + " map checks"));
            maps.installed().ifPresent(min -> expected.add("at least " + min + " maps installed"));
            return new Outcome(e, passed, String.join(", ", expected), checks + " checks, " + installed + " installed");
        }
        Expectation.AllOnlineAtEnd online = (Expectation.AllOnlineAtEnd) e;
        boolean all = m.online() == m.mayBeOnline();
        return new Outcome(online, all, m.mayBeOnline() + " cars online",
                m.online() + (all ? "" : ", not online: " + m.notOnline()));
    }

    private static Outcome bounded(Expectation e, Optional<Long> atLeast, Optional<Long> atMost, long actual) {
        boolean passed = atLeast.map(min -> actual >= min).orElse(true) && atMost.map(max -> actual <= max).orElse(true);
        String expected;
        if (atLeast.isPresent() && atMost.isPresent()) {
            expected = atLeast.get().equals(atMost.get()) ? "exactly " + atLeast.get()
                    : "between " + atLeast.get() + " and " + atMost.get();
        } else {
            expected = atLeast.map(min -> "at least " + min).orElseGet(() -> "at most " + atMost.orElseThrow());
        }
        return new Outcome(e, passed, expected, String.valueOf(actual));
    }
}
