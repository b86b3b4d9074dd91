package io.pcmsim.backend.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.pcmsim.backend.dealer.DealerDirectory;
import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import io.pcmsim.backend.testing.TestPublisher;
import io.pcmsim.backend.testing.Uplinks;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Vin;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The HTTP API over a running backend on the embedded broker, called over real HTTP: what a car sent is
 * served to its owner and to dealers, and every error has a status and a JSON body.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpApiIT {

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();

    @RegisterExtension
    final ApiUnderTest api = new ApiUnderTest(BROKER, "http-it");

    @Test
    void ownerAndDealerSeeWhatTheCarReported() throws Exception {
        Vin vin = Uplinks.randomVin();
        try (TestPublisher car = TestPublisher.connect(BROKER.host(), BROKER.port())) {
            car.publish(Service.LOGIN, Uplinks.login(vin, 7, 1));
            car.publish(Service.SMART_SERVICE, Uplinks.smartService(vin, 7, 2, Uplinks.wornState(61_000)));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> api.backend().storedMessages(vin) == 2);

        HttpResponse<String> owner = api.get("/api/v1/owner/vehicles/" + vin.value());
        assertThat(owner.statusCode()).isEqualTo(200);
        assertThat(owner.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = api.json(owner);
        assertThat(body.path("vin").asText()).isEqualTo(vin.value());
        assertThat(body.path("storedMessages").asLong()).isEqualTo(2);
        assertThat(body.path("settings").path("bootId").asLong()).isEqualTo(7);
        assertThat(body.path("settings").path("privacyMode").asBoolean()).isFalse();
        assertThat(body.path("smartService").path("sequence").asLong()).isEqualTo(2);
        assertThat(body.path("smartService").path("state").path("odometerKm").asDouble()).isEqualTo(61_000);
        assertThat(body.path("needs").size()).isPositive();
        assertThat(body.path("needs").get(0).path("component").asText()).isNotEmpty();
        assertThat(body.path("contract").path("owner").path("autoEnrolled").asBoolean()).isTrue();
        assertThat(body.path("contract").path("connectivityPackage").path("name").asText()).isEqualTo("Connect");
        assertThat(body.path("contract").path("entitled").asBoolean()).isTrue();

        JsonNode dealer = api.json(api.get("/api/v1/dealer/vehicles/" + vin.value()));
        assertThat(dealer.path("smartService")).isEqualTo(body.path("smartService"));
        assertThat(dealer.path("needs")).isEqualTo(body.path("needs"));
        assertThat(dealer.has("settings")).as("the dealer's view has no settings").isFalse();
        assertThat(dealer.has("contract")).as("nor the owner's identity").isFalse();
    }

    @Test
    void vehicleErrorsHaveAStatusACodeAndASentence() throws Exception {
        api.assertError(api.get("/api/v1/owner/vehicles/NOT-A-VIN"), 400, "invalid-vin");
        api.assertError(api.get("/api/v1/dealer/vehicles/" + Uplinks.randomVin().value()), 404, "vehicle-not-found");
        api.assertError(api.get("/api/v1/nothing-here"), 404, "not-found");
        HttpResponse<String> post = api.post("/api/v1/dealers", "{}");
        api.assertError(post, 405, "method-not-allowed");
    }

    @Test
    void aRequestJettyRefusesBeforeAnyRouteStillGetsTheJsonErrorBody() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", api.port())) {
            socket.getOutputStream().write(("GET /api/v1/owner/vehicles/%00%00 HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 400 ").contains("Content-Type: application/json");
            JsonNode body = api.json(response.substring(response.indexOf("\r\n\r\n") + 4));
            assertThat(body.path("status").asInt()).isEqualTo(400);
            assertThat(body.path("error").asText()).isEqualTo("bad-request");
        }
    }

    @Test
    void dealersNearAPositionComeNearestFirstWithTheirDistance() throws Exception {
        JsonNode all = api.json(api.get("/api/v1/dealers"));
        assertThat(all.size()).isEqualTo(DealerDirectory.sample().all().size());

        JsonNode near = api.json(api.get("/api/v1/dealers?near=48.7758,9.1829&limit=2"));
        assertThat(near.size()).isEqualTo(2);
        assertThat(near.get(0).path("id").asText()).isEqualTo("stuttgart-zuffenhausen");
        assertThat(near.get(0).path("distanceKm").asDouble())
                .isLessThan(near.get(1).path("distanceKm").asDouble());

        api.assertError(api.get("/api/v1/dealers?near=north"), 400, "invalid-query");
        api.assertError(api.get("/api/v1/dealers?near=95,9"), 400, "invalid-query");
        api.assertError(api.get("/api/v1/dealers?near=48,9&limit=0"), 400, "invalid-query");
        api.assertError(api.get("/api/v1/dealers?limit=3"), 400, "invalid-query");
    }

    @Test
    void healthSaysWhetherTheBackendIsStoring() throws Exception {
        HttpResponse<String> health = api.get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode body = api.json(health);
        assertThat(body.path("status").asText()).isEqualTo("UP");
        assertThat(body.path("writer").asText()).isEqualTo("RUNNING");
    }

    @Test
    void aPortInUseIsNamedInTheError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            HttpApi second = HttpApi.create(api.backend(), DealerDirectory.sample());
            assertThatThrownBy(() -> second.start("127.0.0.1", taken.getLocalPort()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("cannot serve the HTTP API on 127.0.0.1:" + taken.getLocalPort());
        }
    }

}
