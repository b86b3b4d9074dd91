package io.pcmsim.tools.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.pcmsim.backend.Backend;
import io.pcmsim.backend.BackendStats;
import io.pcmsim.backend.MaintenanceSummary;
import io.pcmsim.backend.Severity;
import io.pcmsim.backend.WriterState;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A backend's meters, read from one {@link BackendStats} and one {@link MaintenanceSummary} taken at the
 * start of each scrape (the summary is one pass over every vehicle's newest state per scrape).
 */
final class BackendMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(BackendMetrics.class);

    private final Backend backend;
    private volatile BackendStats stats;
    private volatile MaintenanceSummary needs = new MaintenanceSummary(0, Map.of(), Map.of());

    BackendMetrics(Backend backend) {
        this.backend = backend;
        this.stats = backend.stats();
    }

    void bindTo(Metrics metrics) {
        MeterRegistry registry = metrics.registry();
        metrics.beforeScrape(() -> refresh(registry));
        counter(registry, "pcmsim.backend.messages.received", "Uplink messages the backend received (redeliveries "
                + "count again)", BackendStats::received);
        counter(registry, "pcmsim.backend.messages.duplicate", "Messages whose (VIN, boot id, sequence) was already "
                + "stored", BackendStats::duplicates);
        counter(registry, "pcmsim.backend.store.retries", "Writes retried because the database was unavailable",
                BackendStats::storeRetries);
        Gauge.builder("pcmsim.backend.writer.backlog", this, m -> m.stats.received() - m.stats.handled())
                .description("Messages received and not yet stored, found duplicate or rejected: the writer's lag")
                .register(registry);
        for (WriterState state : WriterState.values()) {
            Gauge.builder("pcmsim.backend.writer.state", this, m -> m.stats.writer() == state ? 1 : 0)
                    .description("1 for the state the backend's writer is in, 0 for the others")
                    .tags("state", state.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        for (Severity severity : Severity.values()) {
            Gauge.builder("pcmsim.backend.maintenance.needs", this,
                            m -> m.needs.bySeverity().getOrDefault(severity.name(), 0L))
                    .description("Needs the newest states of all vehicles show, by severity (derived from the database)")
                    .tags("severity", severity.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        for (String dataClass : backend.retention().deletedByClass().keySet()) {
            FunctionCounter.builder("pcmsim.backend.retention.deleted", this,
                            m -> m.backend.retention().deletedByClass().getOrDefault(dataClass, 0L))
                    .description("Rows the retention job deleted, by data class (see docs/retention.md)")
                    .tags("class", dataClass)
                    .register(registry);
        }
        refresh(registry);
    }

    /** Takes the snapshots and registers counters for services and reasons seen first now. */
    private void refresh(MeterRegistry registry) {
        stats = backend.stats();
        try {
            needs = backend.maintenanceSummary();
        } catch (RuntimeException e) {
            LOG.debug("maintenance needs not read for the metrics, keeping the last: {}", e.toString());
        }
        for (String service : stats.storedByService().keySet()) {
            FunctionCounter.builder("pcmsim.backend.messages.stored", this,
                            m -> m.stats.storedByService().getOrDefault(service, 0L))
                    .description("Messages stored for the first time, by service")
                    .tags("service", service)
                    .register(registry);
        }
        for (String reason : stats.rejectedByReason().keySet()) {
            FunctionCounter.builder("pcmsim.backend.messages.rejected", this,
                            m -> m.stats.rejected(reason))
                    .description("Messages the backend rejected, by reason (see docs/metrics.md)")
                    .tags("reason", reason)
                    .register(registry);
        }
    }

    private void counter(MeterRegistry registry, String name, String description,
            ToDoubleFunction<BackendStats> value) {
        FunctionCounter.builder(name, this, m -> value.applyAsDouble(m.stats)).description(description)
                .register(registry);
    }
}
