package io.pcmsim.backend.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pcmsim.backend.Backend;
import io.pcmsim.backend.BackendConfig;
import io.pcmsim.backend.dealer.DealerDirectory;
import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import io.pcmsim.backend.testing.MqttSessions;
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
 * The breakdown routes over real HTTP: the owner places and follows a call, the Assistance and the dealer
 * see a report only with their consent, and every error has a status and a JSON body.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BreakdownApiIT {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();

    @TempDir
    Path dataDir;
    private Backend backend;
    private HttpApi api;
    private String clientId;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        clientId = "breakdown-api-" + run;
        backend = Backend.create(BackendConfig.builder().brokerHost(BROKER.host()).brokerPort(BROKER.port())
                .clientId(clientId).sharedGroup(clientId).dataDir(dataDir)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build());
        backend.start().get(30, TimeUnit.SECONDS);
        api = HttpApi.create(backend, DealerDirectory.sample()).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        api.close();
        backend.close();
        MqttSessions.discard(BROKER.host(), BROKER.port(), clientId);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + api.port() + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void assertError(HttpResponse<String> response, int status, String error) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("error").asText()).isEqualTo(error);
        assertThat(body.path("message").asText()).isNotBlank();
    }

    private Vin knownCar(String... calls) {
        Vin vin = Uplinks.randomVin();
        try (TestPublisher car = TestPublisher.connect(BROKER.host(), BROKER.port())) {
            car.publish(Service.LOGIN, Uplinks.login(vin, 1, 1, true));
            for (int i = 0; i < calls.length; i++) {
                boolean assistance = calls[i].contains("A");
                boolean dealer = calls[i].contains("D");
                car.publish(Service.BREAKDOWN, Uplinks.breakdown(vin, 1, i + 2, calls[i], null, assistance, dealer,
                        48.09, 11.51, "P0301 cylinder 1 misfire"));
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> backend.storedMessages(vin) == 1 + calls.length);
        return vin;
    }

    @Test
    void owner_placesACallInTheAppAndFollowsIt() throws Exception {
        Vin vin = knownCar();
        String calls = "/api/v1/owner/vehicles/" + vin.value() + "/breakdown-calls";

        HttpResponse<String> placed = post(calls, "{\"assistance\": true, \"dealer\": false}");

        assertThat(placed.statusCode()).isEqualTo(202);
        JsonNode body = json.readTree(placed.body());
        assertThat(body.path("state").asText()).isEqualTo("AWAITING_DATA");
        assertThat(body.path("trigger").asText()).isEqualTo("APP_PULL");
        assertThat(body.path("consents").path("assistance").asBoolean()).isTrue();
        assertThat(body.path("consents").path("dealer").asBoolean()).isFalse();
        String caseId = body.path("caseId").asText();
        JsonNode followed = json.readTree(get(calls + "/" + caseId).body());
        assertThat(followed.path("caseId").asText()).isEqualTo(caseId);
        assertThat(followed.path("forwarding").path("assistance").path("status").asText()).isEqualTo("PENDING");
        assertThat(json.readTree(post(calls, "").body()).path("consents").path("assistance").asBoolean())
                .as("no body: no consent").isFalse();
    }

    @Test
    void assistanceAndDealer_seeTheReportOnlyWithTheirConsent() throws Exception {
        Vin vin = knownCar("call-D", "call-A");

        JsonNode cases = json.readTree(get("/api/v1/assistance/cases").body());
        JsonNode withheld = null;
        JsonNode forwarded = null;
        for (JsonNode c : cases) {
            if (c.path("callId").asText().equals("call-D")) {
                withheld = c;
            } else if (c.path("callId").asText().equals("call-A")) {
                forwarded = c;
            }
        }
        assertThat(withheld).isNotNull();
        assertThat(withheld.path("data").isNull()).isTrue();
        assertThat(withheld.path("withheld").asText()).isEqualTo("no consent given in this call");
        assertThat(withheld.toString()).doesNotContain("48.09", "P0301");
        assertThat(forwarded.path("data").path("location").path("latitude").asDouble()).isEqualTo(48.09);
        assertThat(forwarded.path("data").path("liveDiagnosis").path("recommendedActions").size()).isPositive();
        JsonNode one = json.readTree(get("/api/v1/assistance/cases/" + forwarded.path("caseId").asText()).body());
        assertThat(one.path("data").path("recentTrack").size()).isEqualTo(2);

        JsonNode dealer = json.readTree(get("/api/v1/dealer/vehicles/" + vin.value()).body());
        JsonNode breakdown = dealer.path("breakdownCalls");
        assertThat(breakdown.size()).isEqualTo(1);
        assertThat(breakdown.get(0).path("caseId").asText()).isEqualTo(withheld.path("caseId").asText());
        assertThat(breakdown.get(0).path("dealer").path("id").asText()).isEqualTo("munich-south");
        assertThat(breakdown.get(0).path("data").path("faultLog").get(0).asText()).startsWith("P0301");
    }

    @Test
    void breakdownErrorsHaveAStatusACodeAndASentence() throws Exception {
        Vin known = knownCar("call-A");
        String calls = "/api/v1/owner/vehicles/" + known.value() + "/breakdown-calls";
        assertError(post(calls, "{\"assistance\": tru"), 400, "invalid-body");
        assertError(post(calls, "[true]"), 400, "invalid-body");
        assertError(post(calls, "{\"assistance\": \"yes\"}"), 400, "invalid-assistance");
        assertError(post(calls, "{\"assistance\": true, \"police\": true}"), 400, "invalid-body");
        assertError(post("/api/v1/owner/vehicles/NOT-A-VIN/breakdown-calls", ""), 400, "invalid-vin");
        assertError(post("/api/v1/owner/vehicles/" + Uplinks.randomVin().value() + "/breakdown-calls", "{}"), 404,
                "vehicle-not-found");
        assertError(get(calls + "/no-such-case"), 404, "case-not-found");
        String caseId = json.readTree(get("/api/v1/assistance/cases").body()).get(0).path("caseId").asText();
        assertError(get("/api/v1/owner/vehicles/" + Uplinks.randomVin().value() + "/breakdown-calls/" + caseId), 404,
                "case-not-found");
        assertError(get("/api/v1/assistance/cases/no-such-case"), 404, "case-not-found");
        assertThat(backend.breakdown().counts().calls()).as("nothing placed by the refused requests").isEqualTo(1);
    }
}
