package io.pcmsim.backend.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pcmsim.backend.maintenance.Component;
import io.pcmsim.backend.maintenance.MaintenanceNeed;
import io.pcmsim.backend.maintenance.MaintenanceRules;
import io.pcmsim.backend.maintenance.Severity;
import io.pcmsim.backend.testing.Uplinks;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.UplinkCodec;
import io.pcmsim.protocol.VehicleSnapshot;
import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Behaviour every database behind {@link UplinkStore} must show; subclasses say which database. */
abstract class UplinkStoreContract {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    Database database;
    UplinkStore store;
    StoreQueries queries;

    /** A JDBC URL of an empty database (or schema) for one test. */
    abstract String freshDatabaseUrl();

    @BeforeEach
    void openStore() {
        database = Database.of(freshDatabaseUrl());
        database.migrate();
        store = UplinkStore.open(database, MaintenanceRules.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
        queries = new StoreQueries(database);
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    static UplinkRecord record(Service service, UplinkEnvelope e) {
        return new UplinkRecord(UplinkCodec.header(e.getHeader()), service, e, e.toByteArray(), NOW);
    }

    static UplinkRecord smart(Vin vin, long boot, long seq, VehicleSnapshot state) {
        return record(Service.SMART_SERVICE, Uplinks.smartService(vin, boot, seq, state));
    }

    static UplinkRecord received(UplinkRecord r, Instant receivedAt) {
        return new UplinkRecord(r.header(), r.service(), r.envelope(), r.payload(), receivedAt);
    }

    long count(String sql, Object... params) throws SQLException {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void migrate_whenRunTwice_isIdempotent() {
        database.migrate();
    }

    @Test
    void write_whenSameKeyTwiceInOneBatch_storesOnceAndCountsDuplicate() {
        Vin vin = Uplinks.randomVin();
        UplinkRecord r = smart(vin, 1, 2, Uplinks.healthyState(1000));

        WriteResult result = store.write(List.of(r, r));

        assertThat(result.stored()).hasSize(1);
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(queries.storedMessages(vin)).isEqualTo(1);
    }

    @Test
    void write_whenKeyAlreadyStoredInEarlierBatch_countsDuplicate() {
        Vin vin = Uplinks.randomVin();
        store.write(List.of(smart(vin, 1, 2, Uplinks.healthyState(1000))));

        WriteResult again = store.write(List.of(smart(vin, 1, 2, Uplinks.healthyState(1000)),
                smart(vin, 1, 3, Uplinks.healthyState(1001))));

        assertThat(again.stored()).extracting(r -> r.header().sequence()).containsExactly(3L);
        assertThat(again.duplicates()).isEqualTo(1);
        assertThat(queries.storedMessages(vin)).isEqualTo(2);
    }

    @Test
    void write_whenLogin_storesSettingsButNoStateAndNoNeeds() throws SQLException {
        Vin vin = Uplinks.randomVin();

        store.write(List.of(record(Service.LOGIN, Uplinks.login(vin, 4, 1))));

        assertThat(count("SELECT COUNT(*) FROM vehicle WHERE vin = ? AND model_code IS NULL"
                + " AND last_boot_id = 4 AND last_sequence = 1", vin.value())).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM login WHERE vin = ? AND live_diagnosis", vin.value())).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM vehicle_state WHERE vin = ?", vin.value())).isZero();
        assertThat(count("SELECT COUNT(*) FROM maintenance_need WHERE vin = ?", vin.value())).isZero();
    }

    @Test
    void write_whenSmartServiceReport_storesVehicleModel() throws SQLException {
        Vin vin = Uplinks.randomVin();

        store.write(List.of(smart(vin, 4, 2, Uplinks.healthyState(10))));

        assertThat(count("SELECT COUNT(*) FROM vehicle WHERE vin = ? AND model_code = '992' AND model_year = 2025",
                vin.value())).isEqualTo(1);
    }

    @Test
    void write_whenWornState_derivesNeedsFromIt() {
        Vin vin = Uplinks.randomVin();

        store.write(List.of(smart(vin, 1, 2, Uplinks.wornState(30_000))));

        List<MaintenanceNeed> needs = queries.needs(vin);
        assertThat(needs).extracting(MaintenanceNeed::component)
                .containsExactly(Component.ENGINE_OIL, Component.BRAKE_PADS);
        assertThat(needs.get(1).severity()).isEqualTo(Severity.HIGH);
        assertThat(needs.get(1).reason()).isEqualTo("front-left pad 91 % worn");
        assertThat(needs.get(1).dueKm().getAsDouble()).isEqualTo(30_000 + 9 * 400.0);
    }

    @Test
    void write_whenNewerHealthyStateArrives_replacesOpenNeeds() {
        Vin vin = Uplinks.randomVin();
        store.write(List.of(smart(vin, 1, 2, Uplinks.wornState(30_000))));

        store.write(List.of(smart(vin, 2, 1, Uplinks.healthyState(30_100))));

        assertThat(queries.needs(vin)).isEmpty();
    }

    @Test
    void write_whenOlderStateArrivesLate_keepsNeedsOfNewestState() {
        Vin vin = Uplinks.randomVin();
        store.write(List.of(smart(vin, 2, 5, Uplinks.wornState(30_000))));

        store.write(List.of(smart(vin, 2, 4, Uplinks.healthyState(29_990)), smart(vin, 1, 9, Uplinks.healthyState(1))));

        assertThat(queries.needs(vin)).extracting(MaintenanceNeed::component)
                .containsExactly(Component.ENGINE_OIL, Component.BRAKE_PADS);
    }

    @Test
    void write_whenManyVehiclesInOneBatch_countsNeedsPerComponent() {
        List<UplinkRecord> batch = Uplinks.randomVins(5).stream()
                .map(v -> smart(v, 1, 1, Uplinks.wornState(10_000))).toList();

        store.write(batch);

        var counts = queries.needCounts();
        assertThat(counts.get(Component.BRAKE_PADS).get(Severity.HIGH)).isGreaterThanOrEqualTo(5);
    }

    @Test
    void write_whenMessageWithoutStateIsStored_keepsNeeds() {
        Vin vin = Uplinks.randomVin();
        store.write(List.of(smart(vin, 1, 1, Uplinks.wornState(30_000))));

        store.write(List.of(record(Service.MANUAL, Uplinks.manual(vin, 1, 2))));

        assertThat(queries.needs(vin)).hasSize(2);
        assertThat(queries.storedMessages(vin)).isEqualTo(2);
    }

    @Test
    void write_whenOlderWornStateArrivesAfterNewerHealthyOne_keepsNoNeeds() {
        Vin vin = Uplinks.randomVin();
        store.write(List.of(smart(vin, 2, 1, Uplinks.healthyState(30_100))));

        WriteResult late = store.write(List.of(smart(vin, 1, 9, Uplinks.wornState(30_000))));

        assertThat(late.vehiclesWithNewNeeds()).isZero();
        assertThat(queries.needs(vin)).isEmpty();
    }

    @Test
    void write_whenOlderStateIsLaterInTheSameBatch_derivesNeedsFromTheNewest() {
        Vin vin = Uplinks.randomVin();

        WriteResult result = store.write(List.of(smart(vin, 1, 5, Uplinks.wornState(30_000)),
                smart(vin, 1, 4, Uplinks.healthyState(29_990))));

        assertThat(result.vehiclesWithNewNeeds()).isEqualTo(1);
        assertThat(queries.needs(vin)).hasSize(2);
    }

    @Test
    void write_whenNeedsComeGoAndComeBack_keepsOnlyThoseOfTheNewestState() throws SQLException {
        Vin vin = Uplinks.randomVin();
        store.write(List.of(smart(vin, 1, 1, Uplinks.wornState(30_000))));
        store.write(List.of(smart(vin, 1, 2, Uplinks.healthyState(30_010))));
        store.write(List.of(smart(vin, 1, 3, Uplinks.healthyState(30_020))));

        WriteResult result = store.write(List.of(smart(vin, 1, 4, Uplinks.wornState(30_030))));

        assertThat(result.vehiclesWithNewNeeds()).isEqualTo(1);
        assertThat(queries.needs(vin)).hasSize(2);
        assertThat(count("SELECT COUNT(*) FROM maintenance_need WHERE vin = ? AND source_boot_id = 1"
                + " AND source_sequence = 4", vin.value())).isEqualTo(2);
    }

    @Test
    void write_whenNewerWornStateArrives_replacesNeedsWithThoseOfIt() throws SQLException {
        Vin vin = Uplinks.randomVin();
        store.write(List.of(smart(vin, 1, 1, Uplinks.wornState(30_000))));

        store.write(List.of(smart(vin, 1, 2, Uplinks.wornState(31_000))));

        assertThat(queries.needs(vin).get(1).dueKm().getAsDouble()).isEqualTo(31_000 + 9 * 400.0);
        assertThat(count("SELECT COUNT(*) FROM maintenance_need WHERE vin = ? AND source_sequence = 2",
                vin.value())).isEqualTo(2);
    }

    @Test
    void write_whenOlderMessageArrivesLate_keepsNewestKeyAndWidensSeenTimes() throws SQLException {
        Vin vin = Uplinks.randomVin();
        store.write(List.of(received(smart(vin, 1, 5, Uplinks.healthyState(10)), NOW)));
        store.write(List.of(received(smart(vin, 2, 1, Uplinks.healthyState(20)), NOW.plusSeconds(10))));

        store.write(List.of(received(record(Service.MANUAL, Uplinks.manual(vin, 1, 7)), NOW.minusSeconds(10))));

        assertThat(count("SELECT COUNT(*) FROM vehicle WHERE vin = ? AND last_boot_id = 2 AND last_sequence = 1"
                + " AND first_seen_at = ? AND last_seen_at = ?", vin.value(),
                NOW.minusSeconds(10).atOffset(ZoneOffset.UTC), NOW.plusSeconds(10).atOffset(ZoneOffset.UTC)))
                .isEqualTo(1);
    }

    @Test
    void write_whenLaterBatchHasNoModel_keepsVehicleModel() throws SQLException {
        Vin vin = Uplinks.randomVin();
        store.write(List.of(smart(vin, 1, 1, Uplinks.healthyState(10))));

        store.write(List.of(record(Service.LOGIN, Uplinks.login(vin, 1, 2))));

        assertThat(count("SELECT COUNT(*) FROM vehicle WHERE vin = ? AND model_code = '992' AND model_year = 2025"
                + " AND last_sequence = 2", vin.value())).isEqualTo(1);
    }

    @Test
    void migrate_fromVersion1_backfillsNewestStateAndNeedsFlag() throws SQLException {
        Vin worn = Uplinks.randomVin();
        Vin healthy = Uplinks.randomVin();
        String url = freshDatabaseUrl();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("1").load()
                .migrate();
        database = Database.of(url);
        queries = new StoreQueries(database);
        try (Connection c = database.connect()) {
            for (long[] key : new long[][] {{1, 7}, {2, 3}, {2, 1}}) {
                insertVersion1State(c, worn, key[0], key[1]);
            }
            insertVersion1Vehicle(c, worn, 2, 3);
            insertVersion1Vehicle(c, healthy, 1, 1);
            for (String component : List.of("ENGINE_OIL", "BRAKE_PADS")) {
                execute(c, "INSERT INTO maintenance_need (vin, component, severity, reason, derived_at,"
                        + " source_boot_id, source_sequence) VALUES (?, ?, 'HIGH', 'v1', ?, 2, 3)",
                        worn.value(), component, NOW.atOffset(ZoneOffset.UTC));
            }
        }

        database.migrate();

        assertThat(count("SELECT COUNT(*) FROM vehicle WHERE vin = ? AND state_boot_id = 2 AND state_sequence = 3"
                + " AND has_needs = TRUE", worn.value())).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM vehicle WHERE vin = ? AND state_boot_id IS NULL"
                + " AND has_needs = FALSE", healthy.value())).isEqualTo(1);
        try (UplinkStore migrated = UplinkStore.open(database, MaintenanceRules.defaults(),
                Clock.fixed(NOW, ZoneOffset.UTC))) {
            assertThat(migrated.write(List.of(smart(worn, 2, 2, Uplinks.healthyState(1)))).vehiclesWithNewNeeds())
                    .isZero();
            assertThat(queries.needs(worn)).hasSize(2);

            migrated.write(List.of(smart(worn, 2, 4, Uplinks.healthyState(2)),
                    smart(healthy, 1, 2, Uplinks.wornState(3))));
        }
        assertThat(queries.needs(worn)).isEmpty();
        assertThat(queries.needs(healthy)).hasSize(2);
    }

    private static void insertVersion1State(Connection c, Vin vin, long boot, long seq) throws SQLException {
        execute(c, "INSERT INTO uplink_message (vin, boot_id, sequence, service, body, vehicle_time, received_at,"
                + " payload) VALUES (?, ?, ?, 'smart-service', 'SMART_SERVICE', ?, ?, ?)",
                vin.value(), boot, seq, NOW.atOffset(ZoneOffset.UTC), NOW.atOffset(ZoneOffset.UTC), new byte[] {1});
        try (PreparedStatement ps = c.prepareStatement(StateColumns.INSERT)) {
            ps.setString(1, vin.value());
            ps.setLong(2, boot);
            ps.setLong(3, seq);
            ps.setObject(4, NOW.atOffset(ZoneOffset.UTC));
            ps.setString(5, "smart-service");
            StateColumns.bind(ps, Uplinks.wornState(100));
            ps.executeUpdate();
        }
    }

    private static void insertVersion1Vehicle(Connection c, Vin vin, long boot, long seq) throws SQLException {
        execute(c, "INSERT INTO vehicle (vin, first_seen_at, last_seen_at, last_boot_id, last_sequence)"
                + " VALUES (?, ?, ?, ?, ?)", vin.value(), NOW.atOffset(ZoneOffset.UTC), NOW.atOffset(ZoneOffset.UTC),
                boot, seq);
    }

    private static void execute(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    @Test
    void write_afterClose_throwsStorageExceptionNamingTheBatch() {
        store.close();
        UplinkRecord r = smart(Uplinks.randomVin(), 1, 1, Uplinks.healthyState(1));

        assertThatThrownBy(() -> store.write(List.of(r)))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("batch of 1 uplink messages not stored");
        store = null;
    }
}
