package io.pcmsim.tools.demo;

import io.pcmsim.tools.cli.JsonFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a demo run produced, as the summary and the JSON report show it.
 *
 * @param published messages the cars published, by service topic name (the cars' own count)
 * @param suppressed messages the cars' privacy gate held back, by service topic name
 * @param uplinkReceivedByBroker uplink publishes the broker received (its own count)
 * @param stored messages the backend stored
 * @param duplicates messages the backend received again and did not store twice
 * @param rejected messages the backend rejected, by reason
 * @param messagesReceivedWhilePrivate uplink publishes the broker received from a car's own client while the harness
 *        had the car in privacy mode
 * @param foreignPublishesOnCarTopics uplink publishes (in {@code uplinkReceivedByBroker}) made by a client other than
 *        the car the topic names; never counted as the car's
 * @param tripsStarted trips the demo started (each begins with a vehicle start)
 * @param breakdowns the breakdown calls made and what became of them
 * @param manual the owner's manual: messages shown, links served, chapters opened
 * @param updates the software update campaigns and the map updates
 * @param interrupted the run was ended early (Ctrl-C, SIGTERM): the counts are those measured until then
 */
public record DemoResult(
        int vehicles,
        Duration realTime,
        Duration simulatedTime,
        int brokerPort,
        Map<String, Long> published,
        Map<String, Long> suppressed,
        long uplinkReceivedByBroker,
        long stored,
        long duplicates,
        Map<String, Long> rejected,
        long maintenanceNeeds,
        Map<String, Long> needsByComponent,
        Map<String, Long> needsBySeverity,
        int vehiclesInPrivacyMode,
        long messagesReceivedWhilePrivate,
        Set<String> privacyOffenders,
        long foreignPublishesOnCarTopics,
        long tripsStarted,
        DemoBreakdowns breakdowns,
        DemoManual manual,
        DemoUpdates updates,
        boolean interrupted) {

    public DemoResult {
        published = new TreeMap<>(published);
        suppressed = new TreeMap<>(suppressed);
        rejected = new TreeMap<>(rejected);
        needsByComponent = new TreeMap<>(needsByComponent);
        needsBySeverity = new TreeMap<>(needsBySeverity);
        privacyOffenders = Set.copyOf(privacyOffenders);
    }

    /** Uplink messages the broker received that the backend had not stored, counted or rejected at the end. */
    public long notHandledByBackend() {
        long handled = stored + duplicates + rejected.values().stream().mapToLong(Long::longValue).sum();
        return Math.max(0, uplinkReceivedByBroker - handled);
    }

    /** The report as a JSON tree (ordered maps), with the keys documented in the README. */
    public Map<String, Object> toJsonTree() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("interrupted", interrupted);
        root.put("vehicles", vehicles);
        root.put("simulatedSeconds", simulatedTime.toSeconds());
        root.put("realSeconds", realTime.toMillis() / 1000.0);
        root.put("published", published);
        root.put("suppressedByCars", suppressed);
        root.put("receivedByBroker", uplinkReceivedByBroker);
        root.put("foreignPublishesOnCarTopics", foreignPublishesOnCarTopics);
        root.put("stored", stored);
        root.put("duplicates", duplicates);
        root.put("rejected", rejected);
        root.put("notHandledByBackend", notHandledByBackend());
        Map<String, Object> needs = new LinkedHashMap<>();
        needs.put("total", maintenanceNeeds);
        needs.put("byComponent", needsByComponent);
        needs.put("bySeverity", needsBySeverity);
        root.put("maintenanceNeeds", needs);
        Map<String, Object> privacy = new LinkedHashMap<>();
        privacy.put("vehiclesInPrivacyMode", vehiclesInPrivacyMode);
        privacy.put("messagesReceivedWhilePrivate", messagesReceivedWhilePrivate);
        root.put("privacy", privacy);
        root.put("tripsStarted", tripsStarted);
        root.put("breakdown", breakdowns.toJsonTree());
        root.put("manual", manual.toJsonTree());
        root.put("softwareUpdate", updates.softwareJson());
        root.put("mapUpdate", updates.mapJson());
        return root;
    }

    public void writeJson(Path file) {
        JsonFile.write(file, toJsonTree());
    }

    /** A readable summary, several lines, no trailing newline. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(String.format("pcmsim demo: %d cars, %s real time, %s simulated%s%n", vehicles,
                human(realTime), human(simulatedTime), interrupted ? "; INTERRUPTED, counts until then" : ""));
        s.append(String.format("  published by cars   %s (total %d)%n", published, sum(published)));
        s.append(String.format("  held back by cars   %s%n", suppressed.isEmpty() ? "nothing" : suppressed));
        s.append(String.format("  received by broker  %d uplink messages%s%n", uplinkReceivedByBroker,
                foreignPublishesOnCarTopics == 0 ? ""
                        : String.format(" (%d published by other clients than the car, not counted as the car's)",
                                foreignPublishesOnCarTopics)));
        s.append(String.format("  stored by backend   %d (duplicates not stored again: %d)%n", stored, duplicates));
        s.append(String.format("  rejected            %s%n", rejected.isEmpty() ? "none" : rejected));
        if (notHandledByBackend() > 0 && interrupted) {
            s.append(String.format("  not stored yet      %d received messages were not stored when the run was"
                    + " interrupted%n", notHandledByBackend()));
        } else if (notHandledByBackend() > 0) {
            s.append(String.format("  BACKEND FELL BEHIND %d received messages were not stored when the run ended"
                    + " (see docs/performance.md)%n", notHandledByBackend()));
        }
        s.append(String.format("  maintenance needs   %d  by component %s%n", maintenanceNeeds, needsByComponent));
        s.append(String.format("                         by severity  %s%n", needsBySeverity));
        s.append(String.format("  privacy mode        %d cars private for the middle half of the run; "
                + "messages received from them meanwhile: %d", vehiclesInPrivacyMode, messagesReceivedWhilePrivate));
        if (messagesReceivedWhilePrivate > 0) {
            s.append(String.format("%n  PRIVACY VIOLATION: the broker received data from %s while private", privacyOffenders));
        }
        s.append(String.format("%n  trips               %d started (each with a vehicle start)", tripsStarted));
        s.append(System.lineSeparator()).append(breakdowns.summaryLine());
        s.append(System.lineSeparator()).append(manual.summaryLine());
        s.append(System.lineSeparator()).append(updates.summaryLines());
        return s.toString();
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    static String human(Duration d) {
        long seconds = d.toSeconds();
        if (seconds < 120) {
            return String.format("%.1f s", d.toMillis() / 1000.0);
        }
        if (seconds < 2 * 3600) {
            return String.format("%.1f min", seconds / 60.0);
        }
        if (seconds < 3 * 86_400) {
            return String.format("%.1f h", seconds / 3600.0);
        }
        return String.format("%.1f days", seconds / 86_400.0);
    }
}
