package io.pcmsim.backend.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The operator's map update routes over real HTTP: the catalogue, a new version, transfers, counts, bad input. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MapUpdateRoutesIT {

    private static final String VERSIONS = "/api/v1/operator/map-versions";

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();

    @RegisterExtension
    final ApiUnderTest api = new ApiUnderTest(BROKER, "maps-http");

    @Test
    void publish_addsTheVersionToTheCatalogue() throws Exception {
        HttpResponse<String> created = api.post(VERSIONS, "{\"region\": \"EU\", \"version\": \"2031.2\", \"sizeBytes\": 4096}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(api.json(created).path("publishedAt").asText()).isEqualTo(ApiUnderTest.NOW.toString());
        JsonNode list = api.json(api.get(VERSIONS));
        assertThat(list.findValuesAsText("version")).contains("2027.1", "2031.2");
    }

    @Test
    void publish_ofAnOlderVersionOrBadBody_isRefusedWithASentence() throws Exception {
        HttpResponse<String> older = api.post(VERSIONS, "{\"region\": \"EU\", \"version\": \"2020.1\", \"sizeBytes\": 4096}");
        assertThat(older.statusCode()).isEqualTo(400);
        assertThat(older.body()).contains("must be newer than the latest");
        HttpResponse<String> badRegion = api.post(VERSIONS, "{\"region\": \"Europe\", \"version\": \"2040.1\", \"sizeBytes\": 1}");
        assertThat(badRegion.statusCode()).isEqualTo(400);
        assertThat(badRegion.body()).contains("map region [Europe]");
        assertThat(api.post(VERSIONS, "{\"vin\": \"x\"}").body()).contains("unknown field vin");
    }

    @Test
    void transfersAndCounts_startEmpty_andAKeyIsChecked() throws Exception {
        assertThat(api.json(api.get("/api/v1/operator/map-transfers")).size()).isZero();
        assertThat(api.get("/api/v1/operator/map-transfers?key=0123456789abcdef0123456789abcdef").statusCode()).isEqualTo(200);
        HttpResponse<String> badKey = api.get("/api/v1/operator/map-transfers?key=WP0ZZZ99ZTS392124");
        assertThat(badKey.statusCode()).isEqualTo(400);
        assertThat(api.json(api.get("/api/v1/operator/map-update")).path("installed").asLong()).isZero();
    }

}
