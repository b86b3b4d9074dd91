package io.pcmsim.tools.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class MetricsServerIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> send(String method, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void get_metrics_servesTheRegistryInThePrometheusTextFormat() throws Exception {
        Metrics metrics = new Metrics();
        Counter counter = Counter.builder("pcmsim.test.things").register(metrics.registry());
        counter.increment(3);
        try (MetricsServer server = MetricsServer.start(metrics, "127.0.0.1", 0)) {
            assertThat(server.port()).isPositive();
            assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.port() + "/metrics");

            HttpResponse<String> response = send("GET", server.url());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue(MetricsServer.CONTENT_TYPE);
            PrometheusText text = PrometheusText.parse(response.body());
            assertThat(text.value("pcmsim_test_things_total")).isEqualTo(3);
            assertThat(text.type("pcmsim_test_things_total")).isEqualTo("counter");
            assertThat(text.value("jvm_threads_live_threads")).isPositive();
        }
    }

    @Test
    void otherPathsAndMethods_areAnswered404And405() throws Exception {
        try (MetricsServer server = MetricsServer.start(new Metrics(), "127.0.0.1", 0)) {
            String base = "http://127.0.0.1:" + server.port();

            assertThat(send("GET", base + "/").statusCode()).isEqualTo(404);
            assertThat(send("GET", base + "/metricsx").statusCode()).isEqualTo(404);
            assertThat(send("POST", base + "/metrics").statusCode()).isEqualTo(405);
            assertThat(send("HEAD", base + "/metrics").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void start_portInUse_failsWithOneSentenceNamingThePort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> MetricsServer.start(new Metrics(), "127.0.0.1", port))
                    .isInstanceOf(MetricsServer.StartException.class)
                    .hasMessage("--metrics-port " + port + " is in use on 127.0.0.1; pick another port, or 0 for a "
                            + "free one");
        }
    }

    @Test
    void start_hostNotOfThisMachineOrUnknown_failsNamingTheHostOption() {
        assertThatThrownBy(() -> MetricsServer.start(new Metrics(), "192.0.2.1", 0))
                .isInstanceOf(MetricsServer.StartException.class)
                .hasMessageStartingWith("cannot serve metrics on 192.0.2.1:0 (")
                .hasMessageEndingWith("--metrics-host must be an address of this machine, or 0.0.0.0 for all");
        assertThatThrownBy(() -> MetricsServer.start(new Metrics(), "no-such-host.invalid", 0))
                .isInstanceOf(MetricsServer.StartException.class)
                .hasMessageContaining("no-such-host.invalid").hasMessageEndingWith("check --metrics-host");
    }

    @Test
    void close_stopsListening() throws Exception {
        MetricsServer server = MetricsServer.start(new Metrics(), "127.0.0.1", 0);
        int port = server.port();

        server.close();

        assertThatThrownBy(() -> send("GET", "http://127.0.0.1:" + port + "/metrics")).isInstanceOf(IOException.class);
    }
}
