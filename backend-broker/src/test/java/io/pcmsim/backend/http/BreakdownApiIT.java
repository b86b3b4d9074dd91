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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The breakdown routes over real HTTP: the owner places and follows a call, the Assistance and the dealer
 * see a report only with their consent, and every error has a status and a JSON body.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BreakdownApiIT {

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();

    @RegisterExtension
    final ApiUnderTest api = new ApiUnderTest(BROKER, "breakdown-api");

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
        await().atMost(Duration.ofSeconds(20)).until(() -> api.backend().storedMessages(vin) == 1 + calls.length);
        return vin;
    }

    @Test
    void owner_placesACallInTheAppAndFollowsIt() throws Exception {
        Vin vin = knownCar();
        String calls = "/api/v1/owner/vehicles/" + vin.value() + "/breakdown-calls";

        HttpResponse<String> placed = api.post(calls, "{\"assistance\": true, \"dealer\": false}");

        assertThat(placed.statusCode()).isEqualTo(202);
        JsonNode body = api.json(placed);
        assertThat(body.path("state").asText()).isEqualTo("AWAITING_DATA");
        assertThat(body.path("trigger").asText()).isEqualTo("APP_PULL");
        assertThat(body.path("consents").path("assistance").asBoolean()).isTrue();
        assertThat(body.path("consents").path("dealer").asBoolean()).isFalse();
        String caseId = body.path("caseId").asText();
        JsonNode followed = api.json(api.get(calls + "/" + caseId));
        assertThat(followed.path("caseId").asText()).isEqualTo(caseId);
        assertThat(followed.path("forwarding").path("assistance").path("status").asText()).isEqualTo("PENDING");
        assertThat(api.json(api.post(calls, "")).path("consents").path("assistance").asBoolean())
                .as("no body: no consent").isFalse();
    }

    @Test
    void assistanceAndDealer_seeTheReportOnlyWithTheirConsent() throws Exception {
        Vin vin = knownCar("call-D", "call-A");

        JsonNode cases = api.json(api.get("/api/v1/assistance/cases"));
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
        JsonNode one = api.json(api.get("/api/v1/assistance/cases/" + forwarded.path("caseId").asText()));
        assertThat(one.path("data").path("recentTrack").size()).isEqualTo(2);

        JsonNode dealer = api.json(api.get("/api/v1/dealer/vehicles/" + vin.value()));
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
        api.assertError(api.post(calls, "{\"assistance\": tru"), 400, "invalid-body");
        api.assertError(api.post(calls, "[true]"), 400, "invalid-body");
        api.assertError(api.post(calls, "{\"assistance\": \"yes\"}"), 400, "invalid-assistance");
        api.assertError(api.post(calls, "{\"assistance\": true, \"police\": true}"), 400, "invalid-body");
        api.assertError(api.post("/api/v1/owner/vehicles/NOT-A-VIN/breakdown-calls", ""), 400, "invalid-vin");
        api.assertError(api.post("/api/v1/owner/vehicles/" + Uplinks.randomVin().value() + "/breakdown-calls", "{}"), 404,
                "vehicle-not-found");
        api.assertError(api.get(calls + "/no-such-case"), 404, "case-not-found");
        String caseId = api.json(api.get("/api/v1/assistance/cases")).get(0).path("caseId").asText();
        api.assertError(api.get("/api/v1/owner/vehicles/" + Uplinks.randomVin().value() + "/breakdown-calls/" + caseId), 404,
                "case-not-found");
        api.assertError(api.get("/api/v1/assistance/cases/no-such-case"), 404, "case-not-found");
        assertThat(api.backend().breakdown().counts().calls()).as("nothing placed by the refused requests").isEqualTo(1);
    }
}
