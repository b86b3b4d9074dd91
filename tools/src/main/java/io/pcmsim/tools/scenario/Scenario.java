package io.pcmsim.tools.scenario;

import io.pcmsim.tools.fleet.BrokerAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A scenario file, read and checked: the fleet, what happens to it when, and what must be true at the end.
 *
 * @param name the file's name, for messages
 * @param seed seed of VINs, car profiles and every random choice of the timeline
 * @param start simulated instant the run starts at; empty: the real time when it starts
 * @param speed simulated seconds per real second
 * @param duration simulated time the run lasts
 * @param broker the broker the cars use; empty: an embedded broker in this process
 * @param backend where the backend runs
 * @param breakdownPullTimeout how long (simulated time) the backend waits for a car's answer to the data pull
 *     of a breakdown call placed in the app
 * @param reportInterval simulated time between periodic Smart Service reports
 * @param groups the fleet, group by group, in the order their VINs are generated
 * @param timeline the events, ordered by their time (events at the same time in file order)
 * @param expectations checked at the end, in file order
 */
public record Scenario(String name, long seed, Optional<Instant> start, double speed, Duration duration,
        Optional<BrokerAddress> broker, BackendMode backend, Duration breakdownPullTimeout, Duration reportInterval,
        List<Group> groups, List<TimedEvent> timeline, List<Expectation> expectations) {

    public Scenario {
        groups = List.copyOf(groups);
        timeline = List.copyOf(timeline);
        expectations = List.copyOf(expectations);
    }

    /** Where the backend runs. */
    public enum BackendMode {
        /** In this process: on the embedded broker in-process, or subscribed to the external broker. */
        EMBEDDED,
        /** Somewhere else; this run cannot read what it stored. */
        EXTERNAL,
        /** No backend at all. */
        NONE
    }

    /** Cars in all groups. */
    public int vehicles() {
        return groups.stream().mapToInt(Group::count).sum();
    }

    /** The same scenario at another speed. */
    public Scenario withSpeed(double newSpeed) {
        return new Scenario(name, seed, start, newSpeed, duration, broker, backend, breakdownPullTimeout,
                reportInterval, groups, timeline, expectations);
    }

    /**
     * The same scenario with every group's count multiplied by {@code factor} (rounded, at least 1) and
     * the counts of the expectations that grow with the fleet ({@code stored}, {@code maintenanceNeeds},
     * {@code breakdownCases}, {@code pullsTimedOut}) likewise (rounded down).
     */
    public Scenario scaled(double factor) {
        List<Group> scaledGroups = groups.stream().map(g -> g.scaled(factor)).toList();
        List<Expectation> scaledExpectations = expectations.stream().map(e -> e.scaled(factor)).toList();
        return new Scenario(name, seed, start, speed, duration, broker, backend, breakdownPullTimeout,
                reportInterval, scaledGroups, timeline, scaledExpectations);
    }
}
