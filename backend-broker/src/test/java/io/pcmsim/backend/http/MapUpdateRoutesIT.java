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

/** The operator's map update routes over real HTTP: the catalogue, a new version, transfers, counts, bad input. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MapUpdateRoutesIT {

    private static final Instant NOW = Instant.parse("2027-06-01T12:00:00Z");
    private static final String VERSIONS = "/api/v1/operator/map-versions";

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
                .clientId("maps-http-" + run).sharedGroup("maps-http-" + run).dataDir(dataDir)
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
    void publish_addsTheVersionToTheCatalogue() throws Exception {
        HttpResponse<String> created = post(VERSIONS, "{\"region\": \"EU\", \"version\": \"2031.2\", \"sizeBytes\": 4096}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json.readTree(created.body()).path("publishedAt").asText()).isEqualTo(NOW.toString());
        JsonNode list = json.readTree(get(VERSIONS).body());
        assertThat(list.findValuesAsText("version")).contains("2027.1", "2031.2");
    }

    @Test
    void publish_ofAnOlderVersionOrBadBody_isRefusedWithASentence() throws Exception {
        HttpResponse<String> older = post(VERSIONS, "{\"region\": \"EU\", \"version\": \"2020.1\", \"sizeBytes\": 4096}");
        assertThat(older.statusCode()).isEqualTo(400);
        assertThat(older.body()).contains("must be newer than the latest");
        HttpResponse<String> badRegion = post(VERSIONS, "{\"region\": \"Europe\", \"version\": \"2040.1\", \"sizeBytes\": 1}");
        assertThat(badRegion.statusCode()).isEqualTo(400);
        assertThat(badRegion.body()).contains("map region [Europe]");
        assertThat(post(VERSIONS, "{\"vin\": \"x\"}").body()).contains("unknown field vin");
    }

    @Test
    void transfersAndCounts_startEmpty_andAKeyIsChecked() throws Exception {
        assertThat(json.readTree(get("/api/v1/operator/map-transfers").body()).size()).isZero();
        assertThat(get("/api/v1/operator/map-transfers?key=0123456789abcdef0123456789abcdef").statusCode()).isEqualTo(200);
        HttpResponse<String> badKey = get("/api/v1/operator/map-transfers?key=WP0ZZZ99ZTS392124");
        assertThat(badKey.statusCode()).isEqualTo(400);
        assertThat(json.readTree(get("/api/v1/operator/map-update").body()).path("installed").asLong()).isZero();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + api.port() + path);
    }
}
