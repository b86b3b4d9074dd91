package io.pcmsim.backend.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The software update routes over real HTTP: releases, campaigns with progress, halt and resume, the release
 * public key, and bad requests answered 400 or 404 with a sentence.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SoftwareUpdateApiIT {

    private static final String OPERATOR = "/api/v1/operator";

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();

    @RegisterExtension
    final ApiUnderTest api = new ApiUnderTest(BROKER, "software-update-api");

    @Test
    void releaseAndCampaign_areCreatedListedHaltedAndResumed() throws Exception {
        HttpResponse<String> created = api.send("POST", OPERATOR + "/software-releases",
                "{\"modelCode\": \"992\", \"target\": {\"PCM\": \"PCM6.3.0\"}, \"sizeBytes\": 200000}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode release = api.json(created);
        assertThat(release.path("chunkCount").asInt()).isEqualTo(4);
        assertThat(release.path("sha256").asText()).hasSize(64);
        assertThat(api.json(api.send("GET", OPERATOR + "/software-releases", ""))).hasSize(1);

        HttpResponse<String> campaign = api.send("POST", OPERATOR + "/update-campaigns", "{\"releaseId\": \""
                + release.path("releaseId").asText() + "\", \"waveSizes\": [10, 100], \"failureThreshold\": 0.1}");
        assertThat(campaign.statusCode()).as(campaign.body()).isEqualTo(201);
        String id = api.json(campaign).path("campaignId").asText();
        JsonNode progress = api.json(api.send("GET", OPERATOR + "/update-campaigns/" + id, ""));
        assertThat(progress.path("state").asText()).isEqualTo("RUNNING");
        assertThat(progress.path("waves").get(0).path("offered").asInt()).isZero();

        JsonNode halted = api.json(api.send("POST", OPERATOR + "/update-campaigns/" + id + "/halt",
                "{\"reason\": \"field reports\"}"));
        assertThat(halted.path("state").asText()).isEqualTo("HALTED");
        assertThat(halted.path("haltReason").asText()).isEqualTo("field reports");
        JsonNode resumed = api.json(api.send("POST", OPERATOR + "/update-campaigns/" + id + "/resume", ""));
        assertThat(resumed.path("state").asText()).isEqualTo("RUNNING");
        assertThat(resumed.path("currentWave").asInt()).isEqualTo(1);
        assertThat(api.json(api.send("GET", OPERATOR + "/update-campaigns", ""))).hasSize(1);
    }

    @Test
    void releaseKey_isThePemWrittenToTheDataFolder() throws Exception {
        HttpResponse<String> key = api.send("GET", "/api/v1/software-update/release-key", "");

        assertThat(key.statusCode()).isEqualTo(200);
        assertThat(key.body()).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(key.body()).isEqualTo(Files.readString(api.dataDir().resolve("release-key.pub.pem")));
    }

    @Test
    void badRequests_nameWhatIsWrong() throws Exception {
        HttpResponse<String> noTarget = api.send("POST", OPERATOR + "/software-releases", "{\"modelCode\": \"992\"}");
        assertThat(noTarget.statusCode()).isEqualTo(400);
        assertThat(noTarget.body()).contains("at least one target");
        HttpResponse<String> badWaves = api.send("POST", OPERATOR + "/update-campaigns",
                "{\"releaseId\": \"x\", \"waveSizes\": [0]}");
        assertThat(badWaves.statusCode()).isEqualTo(400);
        assertThat(badWaves.body()).contains("waveSizes");
        HttpResponse<String> noRelease = api.send("POST", OPERATOR + "/update-campaigns", "{\"releaseId\": \"x\"}");
        assertThat(noRelease.statusCode()).isEqualTo(404);
        assertThat(api.send("POST", OPERATOR + "/update-campaigns/nope/halt", "").statusCode()).isEqualTo(404);
        assertThat(api.send("GET", OPERATOR + "/update-campaigns/nope", "").statusCode()).isEqualTo(404);
    }

}
