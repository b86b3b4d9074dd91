package io.pcmsim.tools.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pcmsim.backend.Backend;
import io.pcmsim.vehicle.fleet.Fleet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * The metrics of one {@code pcmsim} process: a Prometheus registry with the JVM's memory, thread and CPU
 * meters, to which a command binds the parts it runs. Binding reads the parts' own counters at each scrape;
 * it adds no work to the cars or the backend between scrapes. Thread-safe.
 */
public final class Metrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<Runnable> beforeScrape = new CopyOnWriteArrayList<>();
    /** What the meters read from: Micrometer holds it only weakly, so this keeps it for the registry's life. */
    private final List<Object> bound = new CopyOnWriteArrayList<>();

    public Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    /** Binds a fleet: cars, messages by service and outcome, connections, publish acknowledgement latency. */
    public Metrics bind(Fleet fleet) {
        new FleetMetrics(fleet).bindTo(this);
        return this;
    }

    /** Binds a backend: messages received, stored, duplicate and rejected, the writer, maintenance needs. */
    public Metrics bind(Backend backend) {
        new BackendMetrics(backend).bindTo(this);
        return this;
    }

    /**
     * Binds the embedded broker's count of uplink publishes received from clients.
     *
     * @param uplinksReceived a counter the caller keeps anyway (e.g. from the broker's traffic listener);
     *     must only grow
     */
    public Metrics bindBroker(LongSupplier uplinksReceived) {
        bound.add(uplinksReceived);
        FunctionCounter.builder("pcmsim.broker.uplinks.received", uplinksReceived, LongSupplier::getAsLong)
                .description("Uplink publishes (pcm/v1/vehicles/+/up/+) the embedded broker received from clients")
                .register(registry);
        return this;
    }

    /** The registry, to add meters of one's own. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Everything in the Prometheus text format (version 0.0.4), the parts' counters read now. */
    public synchronized String scrape() {
        beforeScrape.forEach(Runnable::run);
        return registry.scrape();
    }

    /** The Prometheus registry underneath, for collectors that Micrometer has no meter type for. */
    PrometheusMeterRegistry prometheus() {
        return registry;
    }

    /** Runs {@code refresh} at the start of each scrape, e.g. to take one snapshot for many meters. */
    void beforeScrape(Runnable refresh) {
        beforeScrape.add(refresh);
    }
}
