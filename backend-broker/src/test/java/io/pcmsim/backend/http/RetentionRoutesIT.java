package io.pcmsim.backend.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pcmsim.backend.Backend;
import io.pcmsim.backend.BackendConfig;
import io.pcmsim.backend.dealer.DealerDirectory;
import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import io.pcmsim.backend.testing.TestPublisher;
import io.pcmsim.backend.testing.Uplinks;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Vin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's retention routes over real HTTP on a running backend: a run as of the backend's clock (no
 * body) or of {@code asOf}, the run records, the classes, and every bad request answered 400 with a sentence.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RetentionRoutesIT {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final String RUNS = "/api/v1/operator/retention-runs";

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();

    @TempDir
    Path dataDir;
    private Backend backend;
    private HttpApi api;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        backend = Backend.create(BackendConfig.builder().brokerHost(BROKER.host()).brokerPort(BROKER.port())
                .clientId("retention-http-" + run).sharedGroup("retention-http-" + run).dataDir(dataDir)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build());
        backend.start().get(30, TimeUnit.SECONDS);
        api = HttpApi.create(backend, DealerDirectory.sample()).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void postWithoutBody_runsAsOfTheBackendsClock_andAnswersTheRunRecord() throws Exception {
        HttpResponse<String> response = post("");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode run = json.readTree(response.body());
        assertThat(run.path("asOf").asText()).isEqualTo(NOW.toString());
        assertThat(run.path("triggeredBy").asText()).isEqualTo("API");
        assertThat(run.path("outcome").asText()).isEqualTo("COMPLETED");
        assertThat(run.path("deleted").asLong()).isZero();
        assertThat(response.headers().firstValue("Location")).contains(RUNS + "/" + run.path("id").asLong());
        JsonNode first = run.path("classes").get(0);
        assertThat(first.path("dataClass").asText()).isEqualTo("session");
        assertThat(first.path("keep").asText()).isEqualTo("P1Y");
        assertThat(first.path("cutoff").asText()).isEqualTo("2025-06-01T12:00:00Z");
        assertThat(first.path("rationale").asText()).isNotBlank();
        assertThat(first.path("deletedByTable").path("login").asLong()).isZero();
    }

    @Test
    void postWithAsOf_deletesWhatExpiredThen_andTheRunIsListed() throws Exception {
        Vin vin = Uplinks.randomVin();
        try (TestPublisher car = TestPublisher.connect(BROKER.host(), BROKER.port())) {
            car.publish(Service.SMART_SERVICE, Uplinks.smartService(vin, 1, 1, Uplinks.healthyState(10)));
            car.publish(Service.BREAKDOWN, Uplinks.breakdown(vin, 1, 2));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> backend.storedMessages(vin) == 2);

        JsonNode early = json.readTree(post("{\"asOf\": \"2026-06-08T11:59:59Z\"}").body());
        assertThat(early.path("deleted").asLong()).as("a second before 7 days").isZero();
        HttpResponse<String> response = post("{\"asOf\": \"2026-06-08T12:00:00Z\"}");
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode run = json.readTree(response.body());
        assertThat(run.path("asOf").asText()).isEqualTo("2026-06-08T12:00:00Z");
        JsonNode breakdown = run.path("classes").get(2);
        assertThat(breakdown.path("dataClass").asText()).isEqualTo("breakdown");
        assertThat(breakdown.path("cutoff").asText()).isEqualTo(NOW.toString());
        assertThat(breakdown.path("deletedByTable").path("uplink_message").asLong()).isEqualTo(1);
        assertThat(backend.storedMessages(vin)).as("the Smart Service report stays").isEqualTo(1);

        JsonNode runs = json.readTree(get(RUNS).body());
        assertThat(runs.size()).isEqualTo(2);
        assertThat(runs.get(0).path("id").asLong()).isEqualTo(run.path("id").asLong());
        assertThat(json.readTree(get(RUNS + "?limit=1").body()).size()).isEqualTo(1);
        assertThat(json.readTree(get(RUNS + "/" + run.path("id").asLong()).body())).isEqualTo(run);
        assertThat(json.readTree(post("{\"asOf\": \"2026-06-09\"}").body()).path("asOf").asText())
                .as("a date is its 00:00 UTC").isEqualTo("2026-06-09T00:00:00Z");
    }

    @Test
    void badBodiesAndIds_are400WithASentence_andRunNothing() throws Exception {
        assertError(post("{\"asOf\": \"yesterday\"}"), 400, "invalid-body", "yesterday");
        assertError(post("{\"asOf\": 20270108}"), 400, "invalid-body", "asOf must be a string");
        assertError(post("{\"asof\": \"2027-01-08T00:00:00Z\"}"), 400, "invalid-body", "unknown field asof");
        assertError(post("{\"asOf\": "), 400, "invalid-body", "JSON object");
        assertError(post("[\"2027-01-08T00:00:00Z\"]"), 400, "invalid-body", "JSON object");
        assertError(get(RUNS + "/abc"), 400, "invalid-run-id", "abc");
        assertError(get(RUNS + "/999"), 404, "retention-run-not-found", "999");
        assertError(get(RUNS + "?limit=0"), 400, "invalid-query", "limit");
        assertThat(json.readTree(get(RUNS).body()).size()).as("no run was made").isZero();
    }

    @Test
    void theClassesAreListedWithTheirPeriodsReasonsAndTables() throws Exception {
        JsonNode classes = json.readTree(get("/api/v1/operator/retention-classes").body());

        assertThat(classes.size()).isEqualTo(5);
        assertThat(classes.get(1).path("name").asText()).isEqualTo("smart-service");
        assertThat(classes.get(1).path("keep").asText()).isEqualTo("P30Y");
        assertThat(classes.get(1).path("tables").toString()).contains("maintenance_need", "uplink_message");
        assertThat(classes.get(2).path("name").asText()).isEqualTo("breakdown");
        assertThat(classes.get(2).path("keep").asText()).isEqualTo("P7D");
        assertThat(classes.get(3).path("name").asText()).isEqualTo("map");
        assertThat(classes.get(4).path("tables").toString()).contains("map_transfer");
    }

    private void assertError(HttpResponse<String> response, int status, String code, String mentions)
            throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("error").asText()).isEqualTo(code);
        assertThat(body.path("message").asText()).contains(mentions);
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(RUNS)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + api.port() + path);
    }
}
