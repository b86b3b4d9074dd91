package io.pcmsim.backend.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.pcmsim.backend.identity.UserAccount;
import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import io.pcmsim.backend.testing.TestPublisher;
import io.pcmsim.backend.testing.Uplinks;
import io.pcmsim.proto.v1.ManualEvent;
import io.pcmsim.proto.v1.ManualProfileRequest;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Vin;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The owner's manual's routes over real HTTP, on a backend on the embedded broker fed by a hand-driven car: the
 * owner's profile, favourites and recent chapters, the chapters of a code, the operator's statistics and counts,
 * and the error cases.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ManualHttpIT {

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();

    @RegisterExtension
    final ApiUnderTest api = new ApiUnderTest(BROKER, "manual-http");

    private static UplinkEnvelope event(Vin vin, long sequence, ManualEvent.Kind kind, String code, String chapter) {
        return UplinkEnvelope.newBuilder().setHeader(Uplinks.header(vin, 1, sequence)).setManualEvent(ManualEvent
                .newBuilder().setKind(kind).setEventId("e-" + sequence).setMessageCode(code).setChapterId(chapter))
                .build();
    }

    @Test
    void theOwnerSeesProfileFavouritesAndRecent_theOperatorCountsAndStatistics() throws Exception {
        UserAccount user = api.backend().identity().register("Greta Graf");
        Vin vin = Uplinks.randomVin();
        String owner = "/api/v1/owner/vehicles/" + vin.value() + "/manual";
        api.assertError(api.get(owner + "/profile"), 404, "manual-profile-not-found");
        try (TestPublisher car = TestPublisher.connect(BROKER.host(), BROKER.port())) {
            car.publish(Service.MANUAL, UplinkEnvelope.newBuilder().setHeader(Uplinks.header(vin, 1, 1))
                    .setManualProfileRequest(ManualProfileRequest.newBuilder().setRequestId("r-1")
                            .setName("Greta Graf").setUserId(user.userId())).build());
            car.publish(Service.MANUAL, event(vin, 2, ManualEvent.Kind.MESSAGE_SHOWN, "W-WASHER-FLUID", ""));
            car.publish(Service.MANUAL, event(vin, 3, ManualEvent.Kind.CHAPTER_VISITED, "W-WASHER-FLUID", "washer-fluid"));
            car.publish(Service.MANUAL, event(vin, 4, ManualEvent.Kind.FAVOURITE_ADDED, "", "washer-fluid"));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> api.backend().manual().counts().events() == 3);

        JsonNode profile = api.json(ok(api.get(owner + "/profile")));
        assertThat(profile.path("userId").asText()).isEqualTo(user.userId());
        assertThat(profile.path("createdAt").asText()).isEqualTo(ApiUnderTest.NOW.toString());
        JsonNode favourites = api.json(ok(api.get(owner + "/favourites")));
        assertThat(favourites.get(0).path("chapterId").asText()).isEqualTo("washer-fluid");
        assertThat(favourites.get(0).path("url").asText()).startsWith("https://manual.example.com/");
        JsonNode recent = api.json(ok(api.get(owner + "/recent?limit=5")));
        assertThat(recent.size()).isEqualTo(1);
        assertThat(recent.get(0).path("title").asText()).isEqualTo("Topping up washer fluid");
        JsonNode chapters = api.json(ok(api.get("/api/v1/owner/manual/messages/w-oil-level/chapters")));
        assertThat(chapters.get(0).path("chapterId").asText()).isEqualTo("oil-level");
        assertThat(api.json(ok(api.get("/api/v1/owner/manual/messages/X-UNKNOWN/chapters"))).size()).isZero();

        JsonNode counts = api.json(ok(api.get("/api/v1/operator/manual/counts")));
        assertThat(counts.path("messagesShown").asLong()).isEqualTo(1);
        assertThat(counts.path("linksServed").asLong()).isEqualTo(1);
        assertThat(counts.path("profiles").asLong()).isEqualTo(1);
        JsonNode statistics = api.json(ok(api.get("/api/v1/operator/manual/statistics/2026-06")));
        assertThat(statistics.path("minimumCount").asInt()).isEqualTo(5);
        assertThat(statistics.path("cells").size()).as("one car: every cell below 5").isZero();
        assertThat(statistics.path("suppressedCells").asInt()).isEqualTo(3);
        assertThat(statistics.toString()).doesNotContain(vin.value()).doesNotContain(user.userId());

        api.assertError(api.get("/api/v1/owner/vehicles/NOT-A-VIN/manual/favourites"), 400, "invalid-vin");
        api.assertError(api.get(owner + "/recent?limit=0"), 400, "invalid-query");
        api.assertError(api.get("/api/v1/operator/manual/statistics/June"), 400, "invalid-month");
    }

    private String ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

}
