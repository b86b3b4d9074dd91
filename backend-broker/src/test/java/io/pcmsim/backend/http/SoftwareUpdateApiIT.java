package io.pcmsim.backend.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pcmsim.backend.Backend;
import io.pcmsim.backend.BackendConfig;
import io.pcmsim.backend.dealer.DealerDirectory;
import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
 * The software update routes over real HTTP: releases, campaigns with progress, halt and resume, the release
 * public key, and bad requests answered 400 or 404 with a sentence.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SoftwareUpdateApiIT {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final String OPERATOR = "/api/v1/operator";

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
                .clientId("swupdate-http-" + run).sharedGroup("swupdate-http-" + run).dataDir(dataDir)
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
    void releaseAndCampaign_areCreatedListedHaltedAndResumed() throws Exception {
        HttpResponse<String> created = send("POST", OPERATOR + "/software-releases",
                "{\"modelCode\": \"992\", \"target\": {\"PCM\": \"PCM6.3.0\"}, \"sizeBytes\": 200000}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode release = json.readTree(created.body());
        assertThat(release.path("chunkCount").asInt()).isEqualTo(4);
        assertThat(release.path("sha256").asText()).hasSize(64);
        assertThat(json.readTree(send("GET", OPERATOR + "/software-releases", "").body())).hasSize(1);

        HttpResponse<String> campaign = send("POST", OPERATOR + "/update-campaigns", "{\"releaseId\": \""
                + release.path("releaseId").asText() + "\", \"waveSizes\": [10, 100], \"failureThreshold\": 0.1}");
        assertThat(campaign.statusCode()).as(campaign.body()).isEqualTo(201);
        String id = json.readTree(campaign.body()).path("campaignId").asText();
        JsonNode progress = json.readTree(send("GET", OPERATOR + "/update-campaigns/" + id, "").body());
        assertThat(progress.path("state").asText()).isEqualTo("RUNNING");
        assertThat(progress.path("waves").get(0).path("offered").asInt()).isZero();

        JsonNode halted = json.readTree(send("POST", OPERATOR + "/update-campaigns/" + id + "/halt",
                "{\"reason\": \"field reports\"}").body());
        assertThat(halted.path("state").asText()).isEqualTo("HALTED");
        assertThat(halted.path("haltReason").asText()).isEqualTo("field reports");
        JsonNode resumed = json.readTree(send("POST", OPERATOR + "/update-campaigns/" + id + "/resume", "").body());
        assertThat(resumed.path("state").asText()).isEqualTo("RUNNING");
        assertThat(resumed.path("currentWave").asInt()).isEqualTo(1);
        assertThat(json.readTree(send("GET", OPERATOR + "/update-campaigns", "").body())).hasSize(1);
    }

    @Test
    void releaseKey_isThePemWrittenToTheDataFolder() throws Exception {
        HttpResponse<String> key = send("GET", "/api/v1/software-update/release-key", "");

        assertThat(key.statusCode()).isEqualTo(200);
        assertThat(key.body()).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(key.body()).isEqualTo(Files.readString(dataDir.resolve("release-key.pub.pem")));
    }

    @Test
    void badRequests_nameWhatIsWrong() throws Exception {
        HttpResponse<String> noTarget = send("POST", OPERATOR + "/software-releases", "{\"modelCode\": \"992\"}");
        assertThat(noTarget.statusCode()).isEqualTo(400);
        assertThat(noTarget.body()).contains("at least one target");
        HttpResponse<String> badWaves = send("POST", OPERATOR + "/update-campaigns",
                "{\"releaseId\": \"x\", \"waveSizes\": [0]}");
        assertThat(badWaves.statusCode()).isEqualTo(400);
        assertThat(badWaves.body()).contains("waveSizes");
        HttpResponse<String> noRelease = send("POST", OPERATOR + "/update-campaigns", "{\"releaseId\": \"x\"}");
        assertThat(noRelease.statusCode()).isEqualTo(404);
        assertThat(send("POST", OPERATOR + "/update-campaigns/nope/halt", "").statusCode()).isEqualTo(404);
        assertThat(send("GET", OPERATOR + "/update-campaigns/nope", "").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
