package io.pcmsim.tools.demo;

import io.pcmsim.backend.Backend;
import io.pcmsim.backend.breakdown.BreakdownCounts;
import io.pcmsim.backend.BackendStats;
import io.pcmsim.backend.MaintenanceSummary;
import io.pcmsim.protocol.Service;
import io.pcmsim.vehicle.fleet.Fleet;
import io.pcmsim.vehicle.fleet.FleetStats;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a demo's counts from the parts that ran (any of them may not have started) into a {@link DemoResult}. */
final class Measurements {

    private static final Logger LOG = LoggerFactory.getLogger(Measurements.class);

    private Measurements() {
    }

    static DemoResult collect(DemoOptions options, Duration real, Duration simulated, int brokerPort,
                              @Nullable Fleet fleet, @Nullable Backend backend, PrivacyWindows windows,
                              @Nullable BreakdownSchedule calls, @Nullable TripSchedule trips, int campaigns,
                              boolean interrupted) {
        Map<String, Long> published = byTopicName(Map.of());
        Map<String, Long> suppressed = byTopicName(Map.of());
        if (fleet != null) {
            FleetStats fleetStats = fleet.stats();
            published = byTopicName(fleetStats.published());
            suppressed = byTopicName(fleetStats.suppressed());
        }
        long stored = 0;
        long duplicates = 0;
        Map<String, Long> rejected = Map.of();
        Optional<MaintenanceSummary> needs = Optional.empty();
        if (backend != null) {
            BackendStats stats = backend.stats();
            stored = stats.stored();
            duplicates = stats.duplicates();
            rejected = stats.rejectedByReason();
            needs = maintenanceSummary(backend);
        }
        return new DemoResult(options.vehicles(), real, simulated, brokerPort,
                published, suppressed, windows.uplinkPublishes(), stored, duplicates, rejected,
                needs.map(MaintenanceSummary::total).orElse(0L),
                needs.map(MaintenanceSummary::byComponent).orElse(Map.of()),
                needs.map(MaintenanceSummary::bySeverity).orElse(Map.of()),
                windows.vehiclesEverPrivate(), windows.receivedWhilePrivate(), windows.offenders(),
                windows.foreignPublishesOnCarTopics(), trips == null ? 0 : trips.started(),
                breakdowns(backend, calls), manual(backend), updates(backend, campaigns), interrupted);
    }

    /** The calls made and the backend's cases; the cars' side alone when the backend cannot tell. */
    private static DemoBreakdowns breakdowns(@Nullable Backend backend, @Nullable BreakdownSchedule calls) {
        if (calls == null) {
            return DemoBreakdowns.NONE;
        }
        BreakdownCounts counts = DemoBreakdowns.NONE.backend();
        if (backend != null) {
            try {
                counts = backend.breakdown().counts();
            } catch (RuntimeException e) {
                LOG.warn("breakdown cases not available", e);
            }
        }
        return new DemoBreakdowns(calls.inCarCalls(), calls.refusedByCarSettings(), calls.appCalls(), counts);
    }

    /** The backend's software and map update counts; none when it cannot tell. */
    private static DemoUpdates updates(@Nullable Backend backend, int campaigns) {
        if (backend == null) {
            return DemoUpdates.NONE;
        }
        try {
            return new DemoUpdates(campaigns, backend.softwareUpdate().counts(), backend.mapUpdate().counts());
        } catch (RuntimeException e) {
            LOG.warn("software and map update counts not available", e);
            return DemoUpdates.NONE;
        }
    }

    /** The backend's manual counts; none when it cannot tell. */
    private static DemoManual manual(@Nullable Backend backend) {
        if (backend == null) {
            return DemoManual.NONE;
        }
        try {
            return new DemoManual(backend.manual().counts());
        } catch (RuntimeException e) {
            LOG.warn("owner's manual counts not available", e);
            return DemoManual.NONE;
        }
    }

    /** The backend's needs; empty when it cannot tell (it did not start, or its database is closed). */
    private static Optional<MaintenanceSummary> maintenanceSummary(Backend backend) {
        try {
            return Optional.of(backend.maintenanceSummary());
        } catch (RuntimeException e) {
            LOG.warn("maintenance needs not available", e);
            return Optional.empty();
        }
    }

    /** Counts by topic name; login and smart-service always, other services when they sent anything. */
    private static Map<String, Long> byTopicName(Map<Service, Long> counts) {
        Map<String, Long> result = new TreeMap<>();
        result.put(Service.LOGIN.topicName(), 0L);
        result.put(Service.SMART_SERVICE.topicName(), 0L);
        counts.forEach((service, count) -> {
            if (count > 0) {
                result.put(service.topicName(), count);
            }
        });
        return result;
    }
}
