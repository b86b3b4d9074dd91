package io.pcmsim.tools.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.pcmsim.protocol.Service;
import io.pcmsim.vehicle.fleet.Fleet;
import io.pcmsim.vehicle.fleet.FleetStats;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * A fleet's meters, all read from one {@link FleetStats} snapshot taken at the start of each scrape (the
 * snapshot walks every car once; the meters must not each walk them).
 */
final class FleetMetrics {

    /** The outcomes of a message, as the {@code outcome} label says them, and where FleetStats keeps each. */
    private static final Map<String, Function<FleetStats, Map<Service, Long>>> OUTCOMES = Map.of(
            "sent", FleetStats::sent,
            "acknowledged", FleetStats::published,
            "refused", FleetStats::refusedByBroker,
            "dropped", FleetStats::dropped,
            "held_back", FleetStats::suppressed);

    private final Fleet fleet;
    private volatile FleetStats stats;

    FleetMetrics(Fleet fleet) {
        this.fleet = fleet;
        this.stats = fleet.stats();
    }

    void bindTo(Metrics metrics) {
        MeterRegistry registry = metrics.registry();
        metrics.beforeScrape(() -> refresh(registry));
        gauge(registry, "pcmsim.fleet.cars", "Cars in the fleet (of this shard)", s -> s.vehicles());
        gauge(registry, "pcmsim.fleet.cars.connected", "Cars connected now", s -> s.online());
        gauge(registry, "pcmsim.fleet.cars.connecting", "Cars that want a connection and have none yet",
                s -> s.connecting());
        gauge(registry, "pcmsim.fleet.messages.buffered", "Messages waiting in the cars' outboxes for a connection",
                s -> s.buffered());
        OUTCOMES.forEach((outcome, counts) -> {
            for (Service service : Service.values()) {
                FunctionCounter.builder("pcmsim.fleet.messages", this,
                                m -> counts.apply(m.stats).getOrDefault(service, 0L))
                        .description("Uplink messages of the cars by service and outcome: sent (every attempt), "
                                + "acknowledged, refused by the broker, dropped in the car, held back by the settings")
                        .tags("service", service.topicName(), "outcome", outcome)
                        .register(registry);
            }
        });
        counter(registry, "pcmsim.fleet.connections", "MQTT connections established, first ones and reconnects",
                s -> s.connections());
        counter(registry, "pcmsim.fleet.reconnects", "Connections after a car's first one", s -> s.reconnects());
        counter(registry, "pcmsim.fleet.downlinks", "Downlinks handed to a car's service", s -> s.downlinks());
        counter(registry, "pcmsim.fleet.downlinks.malformed", "Downlinks the cars dropped as unusable",
                s -> s.malformedDownlinks());
        metrics.prometheus().getPrometheusRegistry().register(new AckLatencyCollector(() -> stats.ackLatency()));
        refresh(registry);
    }

    /** Takes a snapshot and registers a counter for each connection error reason seen first now. */
    private void refresh(MeterRegistry registry) {
        stats = fleet.stats();
        for (String reason : stats.connectionErrors().keySet()) {
            FunctionCounter.builder("pcmsim.fleet.connection.errors", this,
                            m -> m.stats.connectionErrors().getOrDefault(reason, 0L))
                    .description("Connections lost and connect attempts failed, by reason (at most 20 reasons, "
                            + "then 'other')")
                    .tags("reason", reason)
                    .register(registry);
        }
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<FleetStats> value) {
        Gauge.builder(name, this, m -> value.applyAsDouble(m.stats)).description(description).register(registry);
    }

    private void counter(MeterRegistry registry, String name, String description, ToDoubleFunction<FleetStats> value) {
        FunctionCounter.builder(name, this, m -> value.applyAsDouble(m.stats)).description(description)
                .register(registry);
    }
}
