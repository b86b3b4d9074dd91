package io.pcmsim.tools.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pcmsim.backend.broker.EmbeddedBroker;
import io.pcmsim.tools.Pcmsim;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** {@code pcmsim fleet --metrics-port} in this JVM against the embedded broker, scraped over HTTP while it runs. */
@Timeout(120)
class FleetMetricsIT {

    private static final Pattern URL = Pattern.compile("metrics at (http://\\S+/metrics)");
    private static final String ACKNOWLEDGED = "pcmsim_fleet_messages_total{outcome=\"acknowledged\",service=\"smart-service\"}";
    private static EmbeddedBroker broker;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedBroker.builder().port(0).build();
        broker.start().get(60, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private int run(String... args) {
        CommandLine cli = Pcmsim.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private PrometheusText scrape(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return PrometheusText.parse(response.body());
    }

    @Test
    void fleet_withMetricsPort_servesMetricsThatMoveWhileTheCarsRun() throws Exception {
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> run("fleet", "--broker", broker.url(),
                "--vehicles", "5", "--seed", "21", "--speed", "3600", "--duration", "15s", "--metrics-port", "0"));
        String url = await().atMost(Duration.ofSeconds(30)).until(() -> {
            Matcher m = URL.matcher(out.toString());
            return m.find() ? m.group(1) : null;
        }, u -> u != null);

        PrometheusText first = await().atMost(Duration.ofSeconds(30)).until(() -> scrape(url),
                m -> m.value("pcmsim_fleet_cars_connected") == 5 && m.value(ACKNOWLEDGED) >= 5);
        // the acknowledged counter and the latency summary are read one after the other at a scrape, so
        // wait until both have moved
        PrometheusText later = await().atMost(Duration.ofSeconds(30)).until(() -> scrape(url),
                m -> m.value(ACKNOWLEDGED) > first.value(ACKNOWLEDGED) && m.value("pcmsim_fleet_publish_ack_seconds_count")
                        > first.value("pcmsim_fleet_publish_ack_seconds_count"));

        assertThat(later.value("pcmsim_fleet_cars")).isEqualTo(5);
        assertThat(later.value("pcmsim_fleet_messages_total{outcome=\"acknowledged\",service=\"login\"}")).isEqualTo(5);
        assertThat(later.value("pcmsim_fleet_messages_total{outcome=\"sent\",service=\"smart-service\"}"))
                .isGreaterThanOrEqualTo(later.value(ACKNOWLEDGED));
        assertThat(later.value("pcmsim_fleet_messages_total{outcome=\"held_back\",service=\"smart-service\"}")).isZero();
        assertThat(later.value("pcmsim_fleet_connections_total")).isEqualTo(5);
        assertThat(later.value("pcmsim_fleet_reconnects_total")).isZero();
        assertThat(later.type("pcmsim_fleet_publish_ack_seconds")).isEqualTo("summary");
        assertThat(later.value("pcmsim_fleet_publish_ack_seconds_count")).isGreaterThan(first.value(
                "pcmsim_fleet_publish_ack_seconds_count"));
        assertThat(later.value("pcmsim_fleet_publish_ack_seconds{quantile=\"0.99\"}"))
                .isPositive().isGreaterThanOrEqualTo(later.value("pcmsim_fleet_publish_ack_seconds{quantile=\"0.5\"}"));
        assertThat(later.value("pcmsim_fleet_publish_ack_seconds_sum")).isPositive();
        assertThat(exit.get(60, TimeUnit.SECONDS)).as("exit code; stderr: %s", err).isZero();
    }

    @Test
    void fleet_metricsPortInUse_exits2WithOneSentenceAndStartsNoCar() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            int exit = run("fleet", "--broker", broker.url(), "--vehicles", "2", "--duration", "5s",
                    "--metrics-port", String.valueOf(port));

            assertThat(exit).isEqualTo(2);
            assertThat(err.toString().strip()).isEqualTo("pcmsim fleet: --metrics-port " + port
                    + " is in use on 127.0.0.1; pick another port, or 0 for a free one");
            assertThat(out.toString()).doesNotContain("connected");
        }
    }

    @Test
    void fleet_metricsPortOutOfRange_isAUsageError() {
        int exit = run("fleet", "--broker", broker.url(), "--vehicles", "2", "--metrics-port", "65536");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("--metrics-port must be 0 (any free port) or 1..65535, was 65536");
    }
}
