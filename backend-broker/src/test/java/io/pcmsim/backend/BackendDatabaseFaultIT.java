package io.pcmsim.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import io.pcmsim.backend.testing.ExternalServices;
import io.pcmsim.backend.testing.MqttSessions;
import io.pcmsim.backend.testing.PostgresSchema;
import io.pcmsim.backend.testing.TestPublisher;
import io.pcmsim.backend.testing.Uplinks;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Vin;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backend's store loses its PostgreSQL connections ({@code pg_terminate_backend}) while cars'
 * messages flow: it reconnects, shows the outage in its health and stats, and stores every message once.
 * Failed on the old code: the writer retried on the dead connection forever and stored nothing more.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BackendDatabaseFaultIT {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();

    private static PostgresSchema schema;

    @TempDir
    Path dataDir;
    private Backend backend;
    private String clientId;

    @BeforeAll
    static void createSchema() {
        ExternalServices.requirePostgres();
        schema = PostgresSchema.create();
    }

    @AfterAll
    static void dropSchema() {
        if (schema != null) {
            schema.drop();
        }
    }

    @AfterEach
    void stopBackend() {
        if (backend != null) {
            backend.close();
            MqttSessions.discard(BROKER.host(), BROKER.port(), clientId);
        }
    }

    @Test
    void backend_whenDatabaseConnectionsAreTerminatedMidRun_reconnectsAndStoresEveryMessageOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String application = "pcmsim-fault-" + run;
        clientId = "backend-fault-" + run;
        backend = Backend.create(BackendConfig.builder()
                .brokerHost(BROKER.host()).brokerPort(BROKER.port())
                .clientId(clientId).sharedGroup("fault-" + run)
                .jdbcUrl(schema.jdbcUrl(application)).dataDir(dataDir)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .batchSize(20)
                .build());
        backend.start().get(30, TimeUnit.SECONDS);
        List<Vin> vins = Uplinks.randomVins(10);
        int perCar = 60;
        int terminations = 0;
        try (TestPublisher publisher = TestPublisher.connect(BROKER.host(), BROKER.port())) {
            for (int seq = 1; seq <= perCar; seq++) {
                for (Vin vin : vins) {
                    publisher.publish(Service.SMART_SERVICE, Uplinks.smartService(vin, 1, seq,
                            Uplinks.healthyState(seq)));
                }
                if (seq % 15 == 0) {
                    terminations += schema.terminateConnections(application);
                }
            }
        }
        int total = vins.size() * perCar;

        // a batch whose commit reached the database but whose answer was lost with the connection is
        // written again after the reconnect and then counts as duplicates: stored + duplicates = total
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(backend.stats().stored() + backend.stats().duplicates()).isEqualTo(total));

        assertThat(terminations).isPositive();
        assertThat(storedRows()).isEqualTo(total);
        assertThat(backend.stats().rejectedTotal()).isZero();
        assertThat(backend.stats().storeRetries()).isPositive();
        assertThat(backend.health().writer()).isEqualTo(WriterState.RUNNING);
        assertThat(backend.health().lastError()).isPresent();
    }

    private long storedRows() throws Exception {
        try (Connection c = DriverManager.getConnection(schema.jdbcUrl());
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), COUNT(DISTINCT (vin, boot_id, sequence))"
                     + " FROM uplink_message");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(rs.getLong(2));
            return rs.getLong(1);
        }
    }
}
