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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Smart Service's routes over real HTTP, on a backend on the embedded broker: the owner's preferred dealer and
 * appointment, the dealer's booking, the operator's collection config, and every error case.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SmartServiceHttpIT {

    private static final String DEALER = "stuttgart-zuffenhausen";

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();

    @RegisterExtension
    final ApiUnderTest api = new ApiUnderTest(BROKER, "smart-http");

    private Vin vin;
    private String owner;

    @BeforeEach
    void knownCar() throws Exception {
        vin = Uplinks.randomVin();
        owner = "/api/v1/owner/vehicles/" + vin.value();
        try (TestPublisher car = TestPublisher.connect(BROKER.host(), BROKER.port())) {
            car.publish(Service.LOGIN, Uplinks.login(vin, 7, 1));
            car.publish(Service.SMART_SERVICE, Uplinks.smartService(vin, 7, 2, Uplinks.wornState(61_000)));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> api.backend().storedMessages(vin) == 2);
    }

    @Test
    void anAppointmentFromTheApp_isBookedByTheDealer_andTheNeedsFollow() throws Exception {
        api.assertError(api.send("POST", owner + "/appointments", "{}"), 400, "dealer-required");
        HttpResponse<String> preferred = api.send("PUT", owner + "/preferred-dealer", "{\"dealerId\": \"" + DEALER + "\"}");
        assertThat(preferred.statusCode()).as(preferred.body()).isEqualTo(200);
        assertThat(api.json(preferred).path("preferredDealer").path("id").asText()).isEqualTo(DEALER);

        HttpResponse<String> created = api.send("POST", owner + "/appointments",
                "{\"preferredDate\": \"2026-06-03\", \"navigate\": true}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode appointment = api.json(created);
        String id = appointment.path("id").asText();
        assertThat(appointment.path("dealerId").asText()).isEqualTo(DEALER);
        assertThat(appointment.path("state").asText()).isEqualTo("REQUESTED");
        assertThat(appointment.path("needIds").size()).isEqualTo(2);
        assertThat(appointment.path("preferredDate").asText()).isEqualTo("2026-06-03");
        await().atMost(Duration.ofSeconds(10)).until(() -> api.json(api.get(owner))
                .path("appointments").get(0).path("navigation").asText().equals("SENT"));

        JsonNode ownerView = api.json(api.get(owner));
        assertThat(ownerView.path("preferredDealer").asText()).isEqualTo(DEALER);
        assertThat(ownerView.path("needs")).allSatisfy(n -> {
            assertThat(n.path("state").asText()).isEqualTo("APPOINTMENT_REQUESTED");
            assertThat(n.path("appointmentId").asText()).isEqualTo(id);
        });
        String need = ownerView.path("needs").get(0).path("id").asText();
        api.assertError(api.send("POST", owner + "/appointments", "{\"dealerId\": \"" + DEALER + "\", \"needIds\": [\""
                + need + "\"]}"), 409, "need-not-open");

        JsonNode listed = api.json(api.get("/api/v1/dealer/dealers/" + DEALER + "/appointments"));
        assertThat(listed.get(0).path("id").asText()).isEqualTo(id);
        String booking = "/api/v1/dealer/appointments/" + id + "/booking";
        HttpResponse<String> booked = api.send("POST", booking, "{\"at\": \"2026-06-03T08:00:00Z\"}");
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(200);
        assertThat(api.json(booked).path("bookedFor").asText()).isEqualTo("2026-06-03T08:00:00Z");
        api.assertError(api.send("POST", booking, "{\"at\": \"2026-06-04T08:00:00Z\"}"), 409, "appointment-not-requested");

        JsonNode dealerView = api.json(api.get("/api/v1/dealer/vehicles/" + vin.value()));
        assertThat(dealerView.path("needs")).allSatisfy(n -> assertThat(n.path("state").asText()).isEqualTo("BOOKED"));
        assertThat(dealerView.path("needs").get(0).path("history").size()).isEqualTo(3);
    }

    @Test
    void appointmentAndBookingErrors_haveAStatusACodeAndASentence() throws Exception {
        Vin unknown = Uplinks.randomVin();
        api.assertError(api.send("POST", "/api/v1/owner/vehicles/" + unknown.value() + "/appointments", "{}"), 404,
                "vehicle-not-found");
        api.assertError(api.send("PUT", "/api/v1/owner/vehicles/" + unknown.value() + "/preferred-dealer",
                "{\"dealerId\": \"" + DEALER + "\"}"), 404, "vehicle-not-found");
        api.assertError(api.send("POST", owner + "/appointments", "{\"dealerId\": \"no-such-dealer\"}"), 404,
                "dealer-not-found");
        api.assertError(api.send("PUT", owner + "/preferred-dealer", "{\"dealerId\": \"no-such-dealer\"}"), 404,
                "dealer-not-found");
        api.assertError(api.send("PUT", owner + "/preferred-dealer", "{\"dealer\": "), 400, "invalid-body");
        api.assertError(api.send("PUT", owner + "/preferred-dealer", "[]"), 400, "invalid-body");
        api.assertError(api.send("PUT", owner + "/preferred-dealer", "{}"), 400, "invalid-dealerId");
        api.assertError(api.send("PUT", owner + "/preferred-dealer", "{\"dealer\": \"x\"}"), 400, "invalid-body");
        api.assertError(api.send("POST", owner + "/appointments", "{\"dealerId\": 7}"), 400, "invalid-dealerId");
        api.assertError(api.send("POST", owner + "/appointments", "{\"dealerId\": \"" + DEALER
                + "\", \"preferredDate\": \"next week\"}"), 400, "invalid-preferredDate");
        api.assertError(api.send("POST", owner + "/appointments", "{\"dealerId\": \"" + DEALER
                + "\", \"needIds\": [\"no-such-need\"]}"), 404, "need-not-found");
        api.assertError(api.get("/api/v1/dealer/dealers/no-such-dealer/appointments"), 404, "dealer-not-found");
        api.assertError(api.send("POST", "/api/v1/dealer/appointments/no-such-appointment/booking",
                "{\"at\": \"2026-06-03T08:00:00Z\"}"), 404, "appointment-not-found");
        api.assertError(api.send("POST", "/api/v1/dealer/appointments/x/booking", "{\"at\": \"tomorrow\"}"), 400, "invalid-at");
        assertThat(api.json(api.get(owner)).path("appointments").size()).as("no refusal made one").isZero();
    }

    @Test
    void aCollectionConfig_isSentAndShownPending_andBadValuesAreRefusedNamingTheField() throws Exception {
        String path = "/api/v1/operator/vehicles/" + vin.value() + "/collection-config";
        HttpResponse<String> sent = api.send("PUT", path, "{\"intervalSeconds\": 600, \"thresholds\": "
                + "{\"engine-oil-life\": 20, \"brake-pad-wear\": 75.5}}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        String configId = api.json(sent).path("configId").asText();

        JsonNode shown = api.json(api.get(path));
        assertThat(shown.path("sent").get(0).path("configId").asText()).isEqualTo(configId);
        assertThat(shown.path("sent").get(0).path("state").asText()).isEqualTo("PENDING");
        assertThat(shown.path("sent").get(0).path("thresholds").path("brake-pad-wear").asDouble()).isEqualTo(75.5);
        assertThat(shown.path("applied").path("configId").isNull()).isTrue();

        api.assertError(api.send("PUT", path, "{\"intervalSeconds\": 10}"), 400, "invalid-intervalSeconds");
        api.assertError(api.send("PUT", path, "{\"intervalSeconds\": 60.5}"), 400, "invalid-intervalSeconds");
        api.assertError(api.send("PUT", path, "{\"thresholds\": {\"engine-oil-life\": -1}}"), 400, "invalid-thresholds");
        api.assertError(api.send("PUT", path, "{\"thresholds\": {\"engine-oil-life\": \"high\"}}"), 400, "invalid-thresholds");
        api.assertError(api.send("PUT", path, "{}"), 400, "invalid-intervalSeconds");
        api.assertError(api.send("PUT", path, "not json"), 400, "invalid-body");
        api.assertError(api.send("PUT", "/api/v1/operator/vehicles/" + Uplinks.randomVin().value() + "/collection-config",
                "{\"intervalSeconds\": 600}"), 404, "vehicle-not-found");
        assertThat(api.json(api.get(path)).path("sent").size()).as("refused configs are not sent").isEqualTo(1);
    }

}
