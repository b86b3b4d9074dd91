package io.pcmsim.backend.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import io.pcmsim.backend.testing.TestPublisher;
import io.pcmsim.backend.testing.Uplinks;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Vin;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operator's retention routes over real HTTP on a running backend: a run as of the backend's clock (no
 * body) or of {@code asOf}, the run records, the classes, and every bad request answered 400 with a sentence.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RetentionRoutesIT {

    private static final String RUNS = "/api/v1/operator/retention-runs";

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();

    @RegisterExtension
    final ApiUnderTest api = new ApiUnderTest(BROKER, "retention-http");

    @Test
    void postWithoutBody_runsAsOfTheBackendsClock_andAnswersTheRunRecord() throws Exception {
        HttpResponse<String> response = post("");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode run = api.json(response);
        assertThat(run.path("asOf").asText()).isEqualTo(ApiUnderTest.NOW.toString());
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
        await().atMost(Duration.ofSeconds(20)).until(() -> api.backend().storedMessages(vin) == 2);

        JsonNode early = api.json(post("{\"asOf\": \"2026-06-08T11:59:59Z\"}"));
        assertThat(early.path("deleted").asLong()).as("a second before 7 days").isZero();
        HttpResponse<String> response = post("{\"asOf\": \"2026-06-08T12:00:00Z\"}");
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode run = api.json(response);
        assertThat(run.path("asOf").asText()).isEqualTo("2026-06-08T12:00:00Z");
        JsonNode breakdown = run.path("classes").get(2);
        assertThat(breakdown.path("dataClass").asText()).isEqualTo("breakdown");
        assertThat(breakdown.path("cutoff").asText()).isEqualTo(ApiUnderTest.NOW.toString());
        assertThat(breakdown.path("deletedByTable").path("uplink_message").asLong()).isEqualTo(1);
        assertThat(api.backend().storedMessages(vin)).as("the Smart Service report stays").isEqualTo(1);

        JsonNode runs = api.json(api.get(RUNS));
        assertThat(runs.size()).isEqualTo(2);
        assertThat(runs.get(0).path("id").asLong()).isEqualTo(run.path("id").asLong());
        assertThat(api.json(api.get(RUNS + "?limit=1")).size()).isEqualTo(1);
        assertThat(api.json(api.get(RUNS + "/" + run.path("id").asLong()))).isEqualTo(run);
        assertThat(api.json(post("{\"asOf\": \"2026-06-09\"}")).path("asOf").asText())
                .as("a date is its 00:00 UTC").isEqualTo("2026-06-09T00:00:00Z");
    }

    @Test
    void badBodiesAndIds_are400WithASentence_andRunNothing() throws Exception {
        api.assertError(post("{\"asOf\": \"yesterday\"}"), 400, "invalid-asOf", "yesterday");
        api.assertError(post("{\"asOf\": 20270108}"), 400, "invalid-asOf", "asOf must be a string");
        api.assertError(post("{\"asof\": \"2027-01-08T00:00:00Z\"}"), 400, "invalid-body", "unknown field \"asof\"");
        api.assertError(post("{\"asOf\": "), 400, "invalid-body", "not JSON");
        api.assertError(post("[\"2027-01-08T00:00:00Z\"]"), 400, "invalid-body", "JSON object");
        api.assertError(api.get(RUNS + "/abc"), 400, "invalid-run-id", "abc");
        api.assertError(api.get(RUNS + "/999"), 404, "retention-run-not-found", "999");
        api.assertError(api.get(RUNS + "?limit=0"), 400, "invalid-query", "limit");
        assertThat(api.json(api.get(RUNS)).size()).as("no run was made").isZero();
    }

    @Test
    void theClassesAreListedWithTheirPeriodsReasonsAndTables() throws Exception {
        JsonNode classes = api.json(api.get("/api/v1/operator/retention-classes"));

        Map<String, JsonNode> byName = new LinkedHashMap<>();
        classes.forEach(c -> byName.put(c.path("name").asText(), c));
        assertThat(byName.keySet()).as("every service's classes, each once").hasSize(classes.size())
                .contains("session", "smart-service", "breakdown", "manual-usage", "manual-profile", "manual-statistics",
                        "software-update", "map", "map-transfer");
        assertThat(byName.get("smart-service").path("keep").asText()).isEqualTo("P30Y");
        assertThat(byName.get("smart-service").path("tables").toString()).contains("smart_service_vehicle", "uplink_message")
                .doesNotContain("maintenance_need");
        assertThat(byName.get("breakdown").path("keep").asText()).isEqualTo("P7D");
        assertThat(byName.get("manual-usage").path("keep").asText()).isEqualTo("P12M");
        assertThat(byName.get("manual-statistics").path("tables").toString()).contains("manual_statistic");
        assertThat(byName.get("software-update").path("keep").asText()).isEqualTo("P3Y");
        assertThat(byName.get("map-transfer").path("tables").toString()).contains("map_transfer");
        assertThat(byName.values()).allSatisfy(c -> assertThat(c.path("rationale").asText()).isNotBlank());
    }

    private HttpResponse<String> post(String body) throws Exception {
        return api.post(RUNS, body);
    }
}
