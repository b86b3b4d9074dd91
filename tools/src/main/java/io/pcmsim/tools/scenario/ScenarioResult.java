package io.pcmsim.tools.scenario;

import io.pcmsim.backend.MaintenanceSummary;
import io.pcmsim.backend.SequenceGaps;
import io.pcmsim.backend.breakdown.BreakdownCounts;
import io.pcmsim.backend.manual.ManualCounts;
import io.pcmsim.backend.softwareupdate.SoftwareUpdateCounts;
import io.pcmsim.backend.mapupdate.MapUpdateCounts;
import io.pcmsim.tools.cli.JsonFile;
import io.pcmsim.tools.fleet.FleetReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a scenario run produced: the fleet's own counts (the table of {@code pcmsim fleet}), what the
 * embedded broker received, what the backend stored, and each expectation's outcome.
 *
 * @param receivedByBroker uplink publishes the embedded broker received; empty with an external broker
 * @param backend the backend's figures; empty when the backend did not run in this process
 * @param vehiclesEverPrivate cars that were in privacy mode at some point
 * @param receivedWhilePrivate uplink publishes the embedded broker received from cars while private
 * @param eventsPlayed timeline actions done (a car's leaving and return in come-and-go count apart)
 * @param events what the timeline's faults and breakdown calls did
 */
public record ScenarioResult(String name, Duration realTime, Duration simulatedTime, FleetReport fleet,
        OptionalLong receivedByBroker, Optional<BackendFigures> backend, int brokerRestarts,
        int vehiclesEverPrivate, long receivedWhilePrivate, Set<String> privacyOffenders, long eventsPlayed,
        EventCounts events, List<Outcome> outcomes, boolean interrupted) {

    public ScenarioResult {
        privacyOffenders = Set.copyOf(privacyOffenders);
        outcomes = List.copyOf(outcomes);
    }

    /**
     * The backend's figures at the end of the run.
     *
     * @param notHandled messages the embedded broker received that no backend had stored, counted or
     *     rejected at the end (0 with an external broker: it cannot be told)
     * @param breakdown the breakdown cases, after every data pull past its deadline was timed out
     * @param softwareUpdates the software update records and campaigns
     * @param manual the owner's manual's counts
     */
    public record BackendFigures(long stored, long duplicates, Map<String, Long> rejected, long notHandled,
            MaintenanceSummary needs, SequenceGaps gaps, BreakdownCounts breakdown,
            SoftwareUpdateCounts softwareUpdates, ManualCounts manual, MapUpdateCounts maps) {
        public BackendFigures {
            rejected = new TreeMap<>(rejected);
        }

        long rejectedTotal() {
            return rejected.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public List<Outcome> failed() {
        return outcomes.stream().filter(o -> !o.passed()).toList();
    }

    /** The report as a JSON tree (ordered maps), keys documented in docs/scenarios.md. */
    public Map<String, Object> toJsonTree() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("scenario", name);
        root.put("interrupted", interrupted);
        root.put("passed", failed().isEmpty() && !interrupted);
        root.put("realSeconds", realTime.toMillis() / 1000.0);
        root.put("simulatedSeconds", simulatedTime.toSeconds());
        root.put("eventsPlayed", eventsPlayed);
        root.put("brokerRestarts", brokerRestarts);
        root.put("fleet", fleet.toJsonTree());
        receivedByBroker.ifPresent(n -> root.put("receivedByBroker", n));
        backend.ifPresent(b -> {
            Map<String, Object> tree = new LinkedHashMap<>();
            tree.put("stored", b.stored());
            tree.put("duplicates", b.duplicates());
            tree.put("rejected", b.rejected());
            tree.put("notHandled", b.notHandled());
            tree.put("missingSequenceNumbers", b.gaps().missing());
            tree.put("boots", b.gaps().boots());
            Map<String, Object> needs = new LinkedHashMap<>();
            needs.put("total", b.needs().total());
            needs.put("byComponent", new TreeMap<>(b.needs().byComponent()));
            needs.put("bySeverity", new TreeMap<>(b.needs().bySeverity()));
            tree.put("maintenanceNeeds", needs);
            BreakdownCounts cases = b.breakdown();
            Map<String, Object> breakdown = new LinkedHashMap<>();
            breakdown.put("cases", cases.calls());
            breakdown.put("forwardedToAssistance", cases.forwardedToAssistance());
            breakdown.put("forwardedToDealers", cases.forwardedToDealers());
            breakdown.put("withheldFromAssistance", cases.withheldFromAssistance());
            breakdown.put("withheldFromDealers", cases.withheldFromDealers());
            breakdown.put("pullsTimedOut", cases.pullsTimedOut());
            tree.put("breakdownCases", breakdown);
            tree.put("manualEvents", ManualFigures.figures(b.manual()));
            tree.put("softwareUpdates", UpdateCount.toJsonTree(b.softwareUpdates()));
            Map<String, Object> maps = new LinkedHashMap<>();
            maps.put("keysIssued", b.maps().entitlements());
            maps.put("notEntitled", b.maps().notEntitled());
            maps.put("checks", b.maps().checks());
            maps.put("offered", b.maps().offered());
            maps.put("installed", b.maps().installed());
            tree.put("mapUpdates", maps);
            root.put("backend", tree);
        });
        Map<String, Object> faults = new LinkedHashMap<>();
        faults.put("injected", events.faultsInjected());
        faults.put("skippedCarCannotHaveIt", events.faultsSkipped());
        root.put("faults", faults);
        Map<String, Object> calls = new LinkedHashMap<>();
        calls.put("inCars", events.callsInCars());
        calls.put("refusedByCarSettings", events.callsRefusedByCars());
        calls.put("inApp", events.callsInApp());
        calls.put("appCallsNotPlaced", events.appCallsNotPlaced());
        root.put("breakdownCalls", calls);
        Map<String, Object> privacy = new LinkedHashMap<>();
        privacy.put("vehiclesEverPrivate", vehiclesEverPrivate);
        privacy.put("messagesReceivedWhilePrivate", receivedWhilePrivate);
        root.put("privacy", privacy);
        root.put("expectations", outcomes.stream().map(o -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("kind", o.expectation().kind());
            e.put("line", o.expectation().line());
            e.put("passed", o.passed());
            e.put("expected", o.expected());
            e.put("actual", o.actual());
            return e;
        }).toList());
        return root;
    }

    public void writeJson(Path file) {
        JsonFile.write(file, toJsonTree());
    }

    /** A readable summary, several lines, no trailing newline. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(String.format("pcmsim run %s: %d cars, %.1f s real time, %s simulated%s%n", name,
                fleet.run().vehicles(), realTime.toMillis() / 1000.0, DurationText.of(simulatedTime),
                interrupted ? "; INTERRUPTED, counts until then" : ""));
        s.append(String.format("  timeline        %d actions played%s%n", eventsPlayed,
                brokerRestarts == 0 ? "" : ", broker restarted " + brokerRestarts + " times"));
        String table = fleet.table();
        s.append(table, table.indexOf('\n') + 1, table.length()).append(System.lineSeparator());
        receivedByBroker.ifPresent(n -> s.append(String.format("  broker received %d uplink messages%n", n)));
        backend.ifPresent(b -> {
            s.append(String.format("  backend         stored %d, duplicates %d, rejected %s%s%n", b.stored(),
                    b.duplicates(), b.rejected().isEmpty() ? "none" : b.rejected(),
                    b.notHandled() == 0 ? "" : ", " + b.notHandled() + " received but not stored at the end"));
            s.append(String.format("  sequence gaps   %d missing in %d boots%n", b.gaps().missing(), b.gaps().boots()));
            s.append(String.format("  maintenance     %d needs  by component %s%n", b.needs().total(),
                    new TreeMap<>(b.needs().byComponent())));
            BreakdownCounts c = b.breakdown();
            if (c.calls() > 0) {
                s.append(String.format("  breakdown cases %d: to Assistance %d, to dealers %d, withheld for lack of"
                        + " consent from Assistance %d, from dealers %d; pulls timed out %d%n", c.calls(),
                        c.forwardedToAssistance(), c.forwardedToDealers(), c.withheldFromAssistance(),
                        c.withheldFromDealers(), c.pullsTimedOut()));
            }
            if (b.manual().events() > 0) {
                s.append(String.format("  manual          %s%n", ManualFigures.figures(b.manual())));
            }
        });
        backend.filter(b -> b.maps().checks() + b.maps().entitlements() > 0).ifPresent(b -> s.append(String.format(
                "  map update      %d keys issued, %d not entitled; %d checks, %d offered, %d installed%n",
                b.maps().entitlements(), b.maps().notEntitled(), b.maps().checks(), b.maps().offered(),
                b.maps().installed())));
        if (events.faultsInjected() + events.faultsSkipped() > 0) {
            s.append(String.format("  faults          %d injected, %d skipped (the car cannot have the fault)%n",
                    events.faultsInjected(), events.faultsSkipped()));
        }
        if (events.callsInCars() + events.callsInApp() > 0) {
            s.append(String.format("  breakdown calls %d in cars (%d refused by the car's settings), %d in the app"
                    + " (%d not placed)%n", events.callsInCars(), events.callsRefusedByCars(), events.callsInApp(),
                    events.appCallsNotPlaced()));
        }
        s.append(String.format("  privacy mode    %d cars private at some point; messages received from them"
                + " meanwhile: %d%n", vehiclesEverPrivate, receivedWhilePrivate));
        if (outcomes.isEmpty()) {
            s.append("  expectations    none in the file");
        }
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            s.append(String.format("  %-15s %s %s", i == 0 ? "expectations" : "", o.passed() ? "ok    " : "FAILED",
                    o.describe()));
            if (i < outcomes.size() - 1) {
                s.append(System.lineSeparator());
            }
        }
        return s.toString();
    }
}
