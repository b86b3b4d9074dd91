package io.pcmsim.tools.scenario;

import io.pcmsim.backend.Component;
import java.util.Map;
import java.util.Optional;

/**
 * What must be true at the end of a run; each kind has its name in the file ({@link #kind()}). Checked by
 * {@link Expectations}.
 */
public sealed interface Expectation {

    /** The key in the file. */
    String kind();

    /** Line of the file, for the report. */
    int line();

    /** Whether only an embedded backend can tell. */
    default boolean needsBackend() {
        return true;
    }

    default Expectation scaled(double factor) {
        return this;
    }

    /** A count's bound for a fleet {@code factor} times the size, rounded down. */
    private static Optional<Long> scaledBound(Optional<Long> bound, double factor) {
        return bound.map(n -> (long) Math.floor(n * factor));
    }

    /** Uplink publishes the broker received from cars while they were private: none. Embedded broker only. */
    record NothingReceivedWhilePrivate(int line) implements Expectation {
        public String kind() {
            return "nothingReceivedWhilePrivate";
        }

        @Override
        public boolean needsBackend() {
            return false;
        }
    }

    /** No sequence number missing in what the backend stored, per (VIN, boot). */
    record NoMessageLost(int line) implements Expectation {
        public String kind() {
            return "noMessageLost";
        }
    }

    /** Messages the backend stored, within bounds. */
    record Stored(int line, Optional<Long> atLeast, Optional<Long> atMost) implements Expectation {
        public String kind() {
            return "stored";
        }

        @Override
        public Expectation scaled(double factor) {
            return new Stored(line, scaledBound(atLeast, factor), scaledBound(atMost, factor));
        }
    }

    /** Messages the backend rejected, within bounds. */
    record Rejected(int line, Optional<Long> atLeast, Optional<Long> atMost) implements Expectation {
        public String kind() {
            return "rejected";
        }
    }

    /** Open maintenance needs (of one component, or all), within bounds. */
    record MaintenanceNeeds(int line, Optional<Component> component, Optional<Long> atLeast,
            Optional<Long> atMost) implements Expectation {
        public String kind() {
            return "maintenanceNeeds";
        }

        @Override
        public Expectation scaled(double factor) {
            return new MaintenanceNeeds(line, component, scaledBound(atLeast, factor), scaledBound(atMost, factor));
        }
    }

    /** Breakdown cases the backend opened (all, or those forwarded to or withheld from one recipient), within bounds. */
    record BreakdownCases(int line, Optional<BreakdownFilter> filter, Optional<Long> atLeast,
            Optional<Long> atMost) implements Expectation {
        public String kind() {
            return "breakdownCases";
        }

        @Override
        public Expectation scaled(double factor) {
            return new BreakdownCases(line, filter, scaledBound(atLeast, factor), scaledBound(atMost, factor));
        }
    }

    /** Breakdown calls placed in the app whose data pull the car did not answer in time, within bounds. */
    record PullsTimedOut(int line, Optional<Long> atLeast, Optional<Long> atMost) implements Expectation {
        public String kind() {
            return "pullsTimedOut";
        }

        @Override
        public Expectation scaled(double factor) {
            return new PullsTimedOut(line, scaledBound(atLeast, factor), scaledBound(atMost, factor));
        }
    }

    /**
     * The owner's manual's counts at the backend ({@code messagesShown}, {@code linksServed}, ...), each exactly
     * a number or within {@code atLeast}/{@code atMost}; read and checked by {@link ManualFigures}.
     */
    record ManualEvents(int line, Map<String, ManualFigures.Bounds> figures) implements Expectation {
        public ManualEvents {
            figures = new java.util.TreeMap<>(figures);
        }

        public String kind() {
            return "manualEvents";
        }

        @Override
        public Expectation scaled(double factor) {
            Map<String, ManualFigures.Bounds> scaled = new java.util.TreeMap<>();
            figures.forEach((name, bounds) -> scaled.put(name, bounds.scaled(factor)));
            return new ManualEvents(line, scaled);
        }
    }

    /** Software updates (installed, failed, ... or campaigns halted) the backend counted, within bounds. */
    record SoftwareUpdates(int line, UpdateCount count, Optional<Long> atLeast, Optional<Long> atMost)
            implements Expectation {
        public String kind() {
            return "softwareUpdates";
        }

        @Override
        public Expectation scaled(double factor) {
            return new SoftwareUpdates(line, count, scaledBound(atLeast, factor), scaledBound(atMost, factor));
        }
    }

    /** Map update counted by the backend: at least {@code checks} version checks, at least {@code installed} maps installed. */
    record MapUpdates(int line, Optional<Long> checks, Optional<Long> installed) implements Expectation {
        public String kind() {
            return "mapUpdates";
        }

        @Override
        public Expectation scaled(double factor) {
            return new MapUpdates(line, scaledBound(checks, factor), scaledBound(installed, factor));
        }
    }

    /** Every car that may be online at the end (not private or silenced, not away, no outage) is online. */
    record AllOnlineAtEnd(int line) implements Expectation {
        public String kind() {
            return "allOnlineAtEnd";
        }

        @Override
        public boolean needsBackend() {
            return false;
        }
    }
}
