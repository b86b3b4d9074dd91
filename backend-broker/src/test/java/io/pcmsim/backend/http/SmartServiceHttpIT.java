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
 * Smart Service's routes over real HTTP, on a backend on the embedded broker: the owner's preferred dealer and
 * appointment, the dealer's booking, the operator's collection config, and every error case.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SmartServiceHttpIT {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final String DEALER = "stuttgart-zuffenhausen";

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();

    @TempDir
    Path dataDir;
    private Backend backend;
    private HttpApi api;
    private Vin vin;
    private String owner;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        backend = Backend.create(BackendConfig.builder().brokerHost(BROKER.host()).brokerPort(BROKER.port())
                .clientId("smart-http-" + run).sharedGroup("smart-http-" + run).dataDir(dataDir)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build());
        backend.start().get(30, TimeUnit.SECONDS);
        api = HttpApi.create(backend, DealerDirectory.sample()).start("127.0.0.1", 0);
        vin = Uplinks.randomVin();
        owner = "/api/v1/owner/vehicles/" + vin.value();
        try (TestPublisher car = TestPublisher.connect(BROKER.host(), BROKER.port())) {
            car.publish(Service.LOGIN, Uplinks.login(vin, 7, 1));
            car.publish(Service.SMART_SERVICE, Uplinks.smartService(vin, 7, 2, Uplinks.wornState(61_000)));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> backend.storedMessages(vin) == 2);
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
    void anAppointmentFromTheApp_isBookedByTheDealer_andTheNeedsFollow() throws Exception {
        assertError(send("POST", owner + "/appointments", "{}"), 400, "dealer-required");
        HttpResponse<String> preferred = send("PUT", owner + "/preferred-dealer", "{\"dealerId\": \"" + DEALER + "\"}");
        assertThat(preferred.statusCode()).as(preferred.body()).isEqualTo(200);
        assertThat(json.readTree(preferred.body()).path("preferredDealer").path("id").asText()).isEqualTo(DEALER);

        HttpResponse<String> created = send("POST", owner + "/appointments",
                "{\"preferredDate\": \"2026-06-03\", \"navigate\": true}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode appointment = json.readTree(created.body());
        String id = appointment.path("id").asText();
        assertThat(appointment.path("dealerId").asText()).isEqualTo(DEALER);
        assertThat(appointment.path("state").asText()).isEqualTo("REQUESTED");
        assertThat(appointment.path("needIds").size()).isEqualTo(2);
        assertThat(appointment.path("preferredDate").asText()).isEqualTo("2026-06-03");
        await().atMost(Duration.ofSeconds(10)).until(() -> json.readTree(get(owner).body())
                .path("appointments").get(0).path("navigation").asText().equals("SENT"));

        JsonNode ownerView = json.readTree(get(owner).body());
        assertThat(ownerView.path("preferredDealer").asText()).isEqualTo(DEALER);
        assertThat(ownerView.path("needs")).allSatisfy(n -> {
            assertThat(n.path("state").asText()).isEqualTo("APPOINTMENT_REQUESTED");
            assertThat(n.path("appointmentId").asText()).isEqualTo(id);
        });
        String need = ownerView.path("needs").get(0).path("id").asText();
        assertError(send("POST", owner + "/appointments", "{\"dealerId\": \"" + DEALER + "\", \"needIds\": [\""
                + need + "\"]}"), 409, "need-not-open");

        JsonNode listed = json.readTree(get("/api/v1/dealer/dealers/" + DEALER + "/appointments").body());
        assertThat(listed.get(0).path("id").asText()).isEqualTo(id);
        String booking = "/api/v1/dealer/appointments/" + id + "/booking";
        HttpResponse<String> booked = send("POST", booking, "{\"at\": \"2026-06-03T08:00:00Z\"}");
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(200);
        assertThat(json.readTree(booked.body()).path("bookedFor").asText()).isEqualTo("2026-06-03T08:00:00Z");
        assertError(send("POST", booking, "{\"at\": \"2026-06-04T08:00:00Z\"}"), 409, "appointment-not-requested");

        JsonNode dealerView = json.readTree(get("/api/v1/dealer/vehicles/" + vin.value()).body());
        assertThat(dealerView.path("needs")).allSatisfy(n -> assertThat(n.path("state").asText()).isEqualTo("BOOKED"));
        assertThat(dealerView.path("needs").get(0).path("history").size()).isEqualTo(3);
    }

    @Test
    void appointmentAndBookingErrors_haveAStatusACodeAndASentence() throws Exception {
        Vin unknown = Uplinks.randomVin();
        assertError(send("POST", "/api/v1/owner/vehicles/" + unknown.value() + "/appointments", "{}"), 404,
                "vehicle-not-found");
        assertError(send("PUT", "/api/v1/owner/vehicles/" + unknown.value() + "/preferred-dealer",
                "{\"dealerId\": \"" + DEALER + "\"}"), 404, "vehicle-not-found");
        assertError(send("POST", owner + "/appointments", "{\"dealerId\": \"no-such-dealer\"}"), 404,
                "dealer-not-found");
        assertError(send("PUT", owner + "/preferred-dealer", "{\"dealerId\": \"no-such-dealer\"}"), 404,
                "dealer-not-found");
        assertError(send("PUT", owner + "/preferred-dealer", "{\"dealer\": "), 400, "invalid-body");
        assertError(send("PUT", owner + "/preferred-dealer", "[]"), 400, "invalid-body");
        assertError(send("PUT", owner + "/preferred-dealer", "{}"), 400, "invalid-dealerId");
        assertError(send("PUT", owner + "/preferred-dealer", "{\"dealer\": \"x\"}"), 400, "invalid-body");
        assertError(send("POST", owner + "/appointments", "{\"dealerId\": 7}"), 400, "invalid-dealerId");
        assertError(send("POST", owner + "/appointments", "{\"dealerId\": \"" + DEALER
                + "\", \"preferredDate\": \"next week\"}"), 400, "invalid-preferredDate");
        assertError(send("POST", owner + "/appointments", "{\"dealerId\": \"" + DEALER
                + "\", \"needIds\": [\"no-such-need\"]}"), 404, "need-not-found");
        assertError(get("/api/v1/dealer/dealers/no-such-dealer/appointments"), 404, "dealer-not-found");
        assertError(send("POST", "/api/v1/dealer/appointments/no-such-appointment/booking",
                "{\"at\": \"2026-06-03T08:00:00Z\"}"), 404, "appointment-not-found");
        assertError(send("POST", "/api/v1/dealer/appointments/x/booking", "{\"at\": \"tomorrow\"}"), 400, "invalid-at");
        assertThat(json.readTree(get(owner).body()).path("appointments").size()).as("no refusal made one").isZero();
    }

    @Test
    void aCollectionConfig_isSentAndShownPending_andBadValuesAreRefusedNamingTheField() throws Exception {
        String path = "/api/v1/operator/vehicles/" + vin.value() + "/collection-config";
        HttpResponse<String> sent = send("PUT", path, "{\"intervalSeconds\": 600, \"thresholds\": "
                + "{\"engine-oil-life\": 20, \"brake-pad-wear\": 75.5}}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        String configId = json.readTree(sent.body()).path("configId").asText();

        JsonNode shown = json.readTree(get(path).body());
        assertThat(shown.path("sent").get(0).path("configId").asText()).isEqualTo(configId);
        assertThat(shown.path("sent").get(0).path("state").asText()).isEqualTo("PENDING");
        assertThat(shown.path("sent").get(0).path("thresholds").path("brake-pad-wear").asDouble()).isEqualTo(75.5);
        assertThat(shown.path("applied").path("configId").isNull()).isTrue();

        assertError(send("PUT", path, "{\"intervalSeconds\": 10}"), 400, "invalid-intervalSeconds");
        assertError(send("PUT", path, "{\"intervalSeconds\": 60.5}"), 400, "invalid-intervalSeconds");
        assertError(send("PUT", path, "{\"thresholds\": {\"engine-oil-life\": -1}}"), 400, "invalid-thresholds");
        assertError(send("PUT", path, "{\"thresholds\": {\"engine-oil-life\": \"high\"}}"), 400, "invalid-thresholds");
        assertError(send("PUT", path, "{}"), 400, "invalid-intervalSeconds");
        assertError(send("PUT", path, "not json"), 400, "invalid-body");
        assertError(send("PUT", "/api/v1/operator/vehicles/" + Uplinks.randomVin().value() + "/collection-config",
                "{\"intervalSeconds\": 600}"), 404, "vehicle-not-found");
        assertThat(json.readTree(get(path).body()).path("sent").size()).as("refused configs are not sent").isEqualTo(1);
    }

    private void assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("error").asText()).isEqualTo(code);
        assertThat(body.path("message").asText()).isNotBlank();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + api.port() + path);
    }
}
