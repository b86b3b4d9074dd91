package io.pcmsim.backend.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.pcmsim.backend.Backend;
import io.pcmsim.backend.BackendConfig;
import io.pcmsim.backend.internal.identity.AutoEnrolment;
import io.pcmsim.backend.internal.storage.Database;
import io.pcmsim.backend.internal.storage.Dialect;
import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import io.pcmsim.backend.testing.TestPublisher;
import io.pcmsim.backend.testing.Uplinks;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Vin;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The identity registry and the enrolment at first login, against a running backend on the embedded
 * broker; the store is H2 or PostgreSQL ({@link #jdbcUrl()}).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
abstract class IdentityContract {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();

    @TempDir
    Path dataDir;
    private final List<Backend> backends = new ArrayList<>();

    /** The store; null for the backend's H2 file. */
    abstract @Nullable String jdbcUrl();

    @AfterEach
    void stop() {
        backends.forEach(Backend::close);
    }

    Backend start(boolean autoEnrol) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        BackendConfig.Builder config = BackendConfig.builder().brokerHost(BROKER.host()).brokerPort(BROKER.port())
                .clientId("identity-it-" + run).sharedGroup("identity-it-" + run).dataDir(dataDir)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).autoEnrol(autoEnrol);
        if (jdbcUrl() != null) {
            config.jdbcUrl(jdbcUrl());
        }
        Backend backend = Backend.create(config.build());
        backends.add(backend);
        backend.start().get(60, TimeUnit.SECONDS);
        return backend;
    }

    private static void login(Backend backend, Vin vin, long boot) {
        long before = backend.storedMessages(vin);
        try (TestPublisher car = TestPublisher.connect(BROKER.host(), BROKER.port())) {
            car.publish(Service.LOGIN, Uplinks.login(vin, boot, 1));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> backend.storedMessages(vin) == before + 1);
    }

    @Test
    void anUnknownVinIsEnrolledAtItsFirstLoginWithAGeneratedOwnerAndAValidPackage() throws Exception {
        Backend backend = start(true);
        Vin vin = Uplinks.randomVin();

        login(backend, vin, 1);

        VehicleContract contract = backend.identity().contract(vin);
        assertThat(contract.owner()).hasValueSatisfying(owner -> {
            assertThat(owner.autoEnrolled()).isTrue();
            assertThat(owner.name()).matches("[A-Z][a-z]+ [A-Z][a-z]+");
            assertThat(owner.createdAt()).isEqualTo(NOW);
        });
        assertThat(contract.connectivity()).hasValueSatisfying(p -> {
            assertThat(p.name()).isEqualTo("Connect");
            assertThat(p.validFrom()).isEqualTo(NOW);
            assertThat(p.validUntil()).isEqualTo(NOW.plus(Duration.ofDays(3 * 365)));
        });
        assertThat(contract.entitledAt(NOW)).isTrue();
        assertThat(contract.entitledAt(NOW.plus(Duration.ofDays(3 * 365)))).as("the end is exclusive").isFalse();
        assertThat(backend.identity().vehicles(contract.owner().orElseThrow().userId())).containsExactly(vin);

        login(backend, vin, 2);
        assertThat(backend.identity().contract(vin)).as("a later login changes nothing").isEqualTo(contract);
    }

    @Test
    void withoutAutoEnrolmentAnUnknownVinStaysUnknown() throws Exception {
        Backend backend = start(false);
        Vin vin = Uplinks.randomVin();

        login(backend, vin, 1);

        VehicleContract contract = backend.identity().contract(vin);
        assertThat(contract.owner()).isEmpty();
        assertThat(contract.connectivity()).isEmpty();
        assertThat(contract.entitledAt(NOW)).isFalse();
    }

    @Test
    void anOwnerTheOperatorLinkedIsKeptAtLogin() throws Exception {
        Backend backend = start(true);
        Vin vin = Uplinks.randomVin();
        UserAccount erika = backend.identity().register("Erika Mustermann");
        backend.identity().link(erika.userId(), vin);

        login(backend, vin, 1);

        VehicleContract contract = backend.identity().contract(vin);
        assertThat(contract.owner()).contains(erika);
        assertThat(contract.connectivity()).as("the operator gave no package, so the car is not entitled").isEmpty();
        assertThat(contract.entitledAt(NOW)).isFalse();
    }

    @Test
    void aPackageGrantedBeforeTheFirstLogin_isKept_andTheLoginIsStored() throws Exception {
        Backend backend = start(true);
        Vin vin = Uplinks.randomVin();
        ConnectivityPackage granted = new ConnectivityPackage("Connect Plus", NOW, NOW.plus(Duration.ofDays(90)));
        backend.identity().grant(vin, granted);

        login(backend, vin, 1);

        VehicleContract contract = backend.identity().contract(vin);
        assertThat(contract.owner()).hasValueSatisfying(owner -> assertThat(owner.autoEnrolled()).isTrue());
        assertThat(contract.connectivity()).contains(granted);
    }

    @Test
    void aGrantAndALinkWhileTheFirstLoginEnrolsTheVin_waitForIt_andReplaceWhatItWrote() throws Exception {
        Backend backend = start(true);
        Vin vin = Uplinks.randomVin();
        UserAccount erika = backend.identity().register("Erika Mustermann");
        ConnectivityPackage granted = new ConnectivityPackage("Connect Plus", NOW, NOW.plus(Duration.ofDays(90)));
        String url = jdbcUrl() != null ? jdbcUrl() : Database.h2Url(dataDir);
        try (Connection enrolling = Database.of(url).connect(); Connection watching = Database.of(url).connect()) {
            enrolling.setAutoCommit(false);
            assertThat(new AutoEnrolment().enrolUnknown(enrolling, List.of(vin), NOW)).containsExactly(vin);

            CompletableFuture<Void> operator = CompletableFuture.runAsync(() -> {
                backend.identity().grant(vin, granted);
                backend.identity().link(erika.userId(), vin);
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> operator.isDone() || blocked(watching));
            enrolling.commit();
            operator.get(30, TimeUnit.SECONDS);
        }

        VehicleContract contract = backend.identity().contract(vin);
        assertThat(contract.owner()).contains(erika);
        assertThat(contract.connectivity()).contains(granted);
    }

    /**
     * Whether another session is inside a statement on {@code connectivity_package} that waits for the enrolling
     * transaction: on PostgreSQL a session waiting for a lock; H2 retries a conflicting insert until its lock
     * timeout without naming a blocker, so there the statement being executed.
     */
    private static boolean blocked(Connection c) throws SQLException {
        String sql = Dialect.of(c) == Dialect.POSTGRESQL
                ? "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND wait_event_type = 'Lock' AND query LIKE '%connectivity_package%'"
                : "SELECT count(*) FROM information_schema.sessions"
                        + " WHERE executing_statement LIKE 'MERGE INTO connectivity_package%'";
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() && rs.getLong(1) > 0;
        }
    }

    @Test
    void registerLinkAndGrantMakeACarEntitledForItsPackagesValidity() throws Exception {
        Backend backend = start(false);
        IdentityRegistry identity = backend.identity();
        Vin vin = Uplinks.randomVin();
        UserAccount first = identity.register("  Max Mustermann ");
        UserAccount second = identity.register("Erika Mustermann");
        assertThat(first.name()).isEqualTo("Max Mustermann");
        assertThat(identity.user(first.userId())).contains(first);
        assertThat(identity.user(UUID.randomUUID().toString())).isEmpty();

        identity.link(first.userId(), vin);
        ConnectivityPackage year = new ConnectivityPackage("Connect", NOW, NOW.plus(Duration.ofDays(365)));
        identity.grant(vin, year);
        assertThat(identity.contract(vin).entitledAt(NOW.minusSeconds(1))).isFalse();
        assertThat(identity.contract(vin).entitledAt(NOW)).isTrue();

        identity.link(second.userId(), vin);
        assertThat(identity.contract(vin).owner()).as("a sold car has its new owner").contains(second);
        assertThat(identity.vehicles(first.userId())).isEmpty();
        assertThat(identity.vehicles(second.userId())).containsExactly(vin);

        identity.grant(vin, new ConnectivityPackage("Connect Plus", NOW, NOW.plus(Duration.ofDays(730))));
        assertThat(identity.contract(vin).connectivity()).map(ConnectivityPackage::name).contains("Connect Plus");

        assertThatThrownBy(() -> identity.link(UUID.randomUUID().toString(), vin))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("no user has the ID");
        assertThat(identity.contract(vin).owner()).as("a refused link changes nothing").contains(second);
        assertThatThrownBy(() -> identity.register(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConnectivityPackage("x", NOW, NOW)).isInstanceOf(IllegalArgumentException.class);
    }
}
