package io.pcmsim.backend.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pcmsim.backend.Backend;
import io.pcmsim.backend.BackendConfig;
import io.pcmsim.backend.dealer.DealerDirectory;
import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import io.pcmsim.backend.testing.MqttSessions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.jspecify.annotations.Nullable;

/**
 * A backend on the class's embedded broker with its HTTP API on a free port, fresh for each test (its own
 * data folder, client id and shared group; the clock fixed at {@link #NOW}), and an HTTP client for it that
 * checks the API's error bodies. Register it on an instance field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();
 * @RegisterExtension
 * final ApiUnderTest api = new ApiUnderTest(BROKER, "breakdown-api");
 * }</pre>
 */
final class ApiUnderTest implements BeforeEachCallback, AfterEachCallback {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private final EmbeddedBrokerExtension broker;
    private final String name;
    private final UnaryOperator<BackendConfig.Builder> configure;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();
    private @Nullable Path dataDir;
    private @Nullable Backend backend;
    private @Nullable HttpApi api;
    private @Nullable String clientId;

    ApiUnderTest(EmbeddedBrokerExtension broker, String name) {
        this(broker, name, UnaryOperator.identity());
    }

    /** @param configure changes to the backend's configuration beyond broker, data folder, ids and clock */
    ApiUnderTest(EmbeddedBrokerExtension broker, String name, UnaryOperator<BackendConfig.Builder> configure) {
        this.broker = broker;
        this.name = name;
        this.configure = configure;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        clientId = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        dataDir = Files.createTempDirectory("pcmsim-" + name);
        BackendConfig.Builder config = BackendConfig.builder().brokerHost(broker.host()).brokerPort(broker.port())
                .clientId(clientId).sharedGroup(clientId).dataDir(dataDir).clock(Clock.fixed(NOW, ZoneOffset.UTC));
        backend = Backend.create(configure.apply(config).build());
        backend.start().get(30, TimeUnit.SECONDS);
        api = HttpApi.create(backend, DealerDirectory.sample()).start("127.0.0.1", 0);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (api != null) {
            api.close();
        }
        if (backend != null) {
            backend.close();
            MqttSessions.discard(broker.host(), broker.port(), clientId);
        }
        if (dataDir != null) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(ApiUnderTest::delete);
            }
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Backend backend() {
        if (backend == null) {
            throw new IllegalStateException("no backend outside a test");
        }
        return backend;
    }

    /** The backend's data folder (a temporary folder of the test). */
    Path dataDir() {
        if (dataDir == null) {
            throw new IllegalStateException("no data folder outside a test");
        }
        return dataDir;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code path}'s body as JSON, after checking that it answered 200. */
    JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as("%s answered %s", path, response.body()).isEqualTo(200);
        return json(response);
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send("POST", path, body);
    }

    /** {@code method} with a JSON {@code body}. */
    HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(HttpResponse<String> response) throws IOException {
        return json(response.body());
    }

    JsonNode json(String text) throws IOException {
        return json.readTree(text);
    }

    /** The API's port on 127.0.0.1. */
    int port() {
        if (api == null) {
            throw new IllegalStateException("no API outside a test");
        }
        return api.port();
    }

    /** The response is the API's error: this status twice (line and body), this code, a message with {@code mentions}. */
    void assertError(HttpResponse<String> response, int status, String code, String... mentions) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = json(response);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("error").asText()).isEqualTo(code);
        assertThat(body.path("message").asText()).isNotBlank();
        for (String mention : mentions) {
            assertThat(body.path("message").asText()).contains(mention);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }
}
