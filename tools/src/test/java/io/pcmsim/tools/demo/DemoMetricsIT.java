package io.pcmsim.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pcmsim.tools.cli.StatusLine;
import io.pcmsim.tools.metrics.Metrics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The metrics of a demo run: fleet, backend and embedded broker bound to one registry while it runs. */
class DemoMetricsIT {

    @TempDir
    Path dataDir;

    private static double value(String scrape, String sample) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(sample) + " (\\S+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /** The sum of {@code pcmsim_backend_messages_stored_total} over every service's sample. */
    private static double storedOfEveryService(String scrape) {
        Matcher m = Pattern.compile("(?m)^pcmsim_backend_messages_stored_total\\{service=\"[a-z-]+\"\\} (\\S+)$")
                .matcher(scrape);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }

    @Test
    @Timeout(120)
    void demo_metrics_countWhatFleetBrokerAndBackendSawAlike() throws Exception {
        Metrics metrics = new Metrics();
        CompletableFuture<Void> stop = new CompletableFuture<>();
        DemoOptions options = new DemoOptions(4, Duration.ofMinutes(10), 3600, 5, 0, 0, 5, Duration.ofHours(1),
                Optional.empty());
        CompletableFuture<DemoResult> running = CompletableFuture.supplyAsync(() -> new DemoRun(options, dataDir,
                new StatusLine(new PrintWriter(new StringWriter(), true), false), Clock.systemUTC(), stop, metrics).run());

        String scrape = await().atMost(Duration.ofSeconds(60)).until(metrics::scrape,
                s -> value(s, "pcmsim_backend_messages_stored_total{service=\"smart-service\"}") >= 8);
        stop.complete(null);
        DemoResult result = running.get(60, TimeUnit.SECONDS);

        assertThat(value(scrape, "pcmsim_fleet_cars_connected")).isEqualTo(4);
        assertThat(value(scrape, "pcmsim_backend_messages_stored_total{service=\"login\"}")).isEqualTo(4);
        assertThat(value(scrape, "pcmsim_broker_uplinks_received_total")).isGreaterThanOrEqualTo(12);
        assertThat(value(scrape, "pcmsim_backend_messages_received_total")).isGreaterThanOrEqualTo(12);
        assertThat(value(scrape, "pcmsim_backend_writer_state{state=\"running\"}")).isEqualTo(1);
        assertThat(value(scrape, "pcmsim_backend_writer_backlog")).isGreaterThanOrEqualTo(0);
        assertThat(scrape).contains("pcmsim_backend_maintenance_needs{severity=\"critical\"}");
        String end = metrics.scrape();
        assertThat(value(end, "pcmsim_broker_uplinks_received_total")).isEqualTo(result.uplinkReceivedByBroker());
        assertThat(storedOfEveryService(end)).isEqualTo(result.stored());
        assertThat(value(end, "pcmsim_backend_writer_state{state=\"stopped\"}")).isEqualTo(1);
    }
}
