package io.pcmsim.backend.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pcmsim.backend.Component;
import io.pcmsim.backend.MaintenanceNeed;
import io.pcmsim.backend.internal.smartservice.MaintenanceQueries;
import io.pcmsim.backend.internal.smartservice.MaintenanceRules;
import io.pcmsim.backend.Severity;
import io.pcmsim.backend.internal.service.AfterCommit;
import io.pcmsim.backend.internal.service.RetentionPolicy;
import io.pcmsim.backend.internal.service.ServiceHandler;
import io.pcmsim.backend.internal.service.UplinkRecord;
import io.pcmsim.backend.testing.Handlers;
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
    MaintenanceQueries maintenance;

    /** A JDBC URL of an empty database (or schema) for one test. */
    abstract String freshDatabaseUrl();

    @BeforeEach
    void openStore() {
        database = Database.of(freshDatabaseUrl());
        database.migrate(Handlers.locations());
        store = UplinkStore.open(database, Handlers.standard(), Clock.fixed(NOW, ZoneOffset.UTC));
        queries = new StoreQueries(database);
        maintenance = new MaintenanceQueries(database, MaintenanceRules.defaults());
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
        database.migrate(Handlers.locations());
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
    void sequenceGaps_countNumbersMissingBetweenTheLowestAndHighestStored_notThoseBelowTheLowest() {
        Vin vin = Uplinks.randomVin();
        Vin other = Uplinks.randomVin();
        // a boot whose login (1) and first report (2) the retention job deleted, and whose 5 was lost
        store.write(List.of(smart(vin, 7, 3, Uplinks.healthyState(1000)), smart(vin, 7, 4, Uplinks.healthyState(1010)),
                smart(vin, 7, 6, Uplinks.healthyState(1020))));
        // a boot stored whole
        store.write(List.of(record(Service.LOGIN, Uplinks.login(other, 1, 1)),
                smart(other, 1, 2, Uplinks.healthyState(500))));

        io.pcmsim.backend.SequenceGaps gaps = queries.sequenceGaps();

        assertThat(gaps.boots()).isEqualTo(2);
        assertThat(gaps.missing()).isEqualTo(1);
        assertThat(gaps.examples()).containsExactly(vin.value() + "/7: 1");
    }

    @Test
    void write_whenBatchIsEmpty_storesNothing() {
        WriteResult result = store.write(List.of());

        assertThat(result.stored()).isEmpty();
        assertThat(result.duplicates()).isZero();
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
    void storedMessages_ofSeveralVehicles_countsEachVehicleOnceInOneQuery() {
        Vin first = Uplinks.randomVin();
        Vin second = Uplinks.randomVin();
        Vin silent = Uplinks.randomVin();
        store.write(List.of(smart(first, 1, 1, Uplinks.healthyState(10)), smart(first, 1, 2, Uplinks.healthyState(11)),
                smart(second, 1, 1, Uplinks.healthyState(10)), smart(Uplinks.randomVin(), 1, 1, Uplinks.healthyState(10))));

        assertThat(queries.storedMessages(List.of(first, second, silent, first))).isEqualTo(3);
        assertThat(queries.storedMessages(List.of())).isZero();
    }

    /** PostgreSQL binds a batch as one array per column: quotes, commas, braces, "NULL" and NUL bytes must survive. */
    @Test
    void write_whenTextAndBytesAreOdd_storesThemAsSent() throws SQLException {
        Vin vin = Uplinks.randomVin();
        String model = "a\"b\\c,{d} NULL 'e' \u00e9\ud83d\ude97";
        UplinkEnvelope e = Uplinks.smartService(vin, 1, 1, Uplinks.healthyState(10));
        UplinkEnvelope odd = e.toBuilder().setSmartService(e.getSmartService().toBuilder().setModelCode(model)
                .setState(e.getSmartService().getState().toBuilder().addDtc("NULL").addDtc("P0\"1{,}\\"))).build();
        byte[] payload = new byte[256];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i; // NUL bytes, backslashes, quotes, braces
        }
        UplinkRecord other = smart(Uplinks.randomVin(), 1, 1, Uplinks.healthyState(10));

        store.write(List.of(new UplinkRecord(UplinkCodec.header(odd.getHeader()), Service.SMART_SERVICE, odd, payload,
                NOW), other));

        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement("SELECT m.payload,"
                + " v.model_code, v.dtcs FROM uplink_message m JOIN smart_service_vehicle v ON v.vin = m.vin"
                + " WHERE m.vin = ?")) {
            ps.setString(1, vin.value());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBytes(1)).isEqualTo(payload);
                assertThat(rs.getString(2)).isEqualTo(model);
                assertThat(rs.getString(3)).isEqualTo(String.join(",", odd.getSmartService().getState().getDtcList()));
            }
        }
        assertThat(queries.storedMessages(other.header().vin())).isEqualTo(1);
    }

    /** A string longer than its column is the batch's fault (rejected, isolated by the writer), not the store's. */
    @Test
    void write_whenAStringIsLongerThanItsColumn_refusesTheBatchAndStoresTheNextOne() throws SQLException {
        Vin vin = Uplinks.randomVin();
        UplinkEnvelope e = Uplinks.smartService(vin, 1, 1, Uplinks.healthyState(10));
        UplinkEnvelope huge = e.toBuilder().setSmartService(e.getSmartService().toBuilder()
                .setModelCode("M".repeat(100_000))).build();

        assertThatThrownBy(() -> store.write(List.of(record(Service.SMART_SERVICE, huge))))
                .isInstanceOf(StorageException.class).isNotInstanceOf(StoreUnavailableException.class);

        store.write(List.of(smart(Uplinks.randomVin(), 1, 1, Uplinks.healthyState(10)))); // another car's batch
        assertThat(store.write(List.of(smart(vin, 1, 2, Uplinks.healthyState(11)))).stored()).hasSize(1);
        assertThat(queries.storedMessages(vin)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM vehicle WHERE vin = ?", vin.value()))
                .as("the refused batch's vehicle row went with it, so the next batch writes it").isEqualTo(1);
    }

    @Test
    void write_whenAVehicleComesBack_keepsTheRowOfItsFirstMessage() throws SQLException {
        Vin vin = Uplinks.randomVin();
        store.write(List.of(received(smart(vin, 1, 1, Uplinks.healthyState(10)), NOW)));

        store.write(List.of(received(smart(vin, 1, 2, Uplinks.healthyState(11)), NOW.plusSeconds(60))));
        store.write(List.of(received(smart(vin, 2, 1, Uplinks.healthyState(12)), NOW.plusSeconds(120))));

        assertThat(count("SELECT COUNT(*) FROM vehicle WHERE vin = ? AND first_seen_at = ?", vin.value(),
                NOW.atOffset(ZoneOffset.UTC))).isEqualTo(1);
        assertThat(queries.seen(vin)).hasValue(new VehicleSeen(NOW, NOW.plusSeconds(120), 2, 1));
    }

    @Test
    void write_whenLogin_storesItsSessionSettingsAndNoState() throws SQLException {
        Vin vin = Uplinks.randomVin();

        store.write(List.of(record(Service.LOGIN, Uplinks.login(vin, 4, 1))));

        assertThat(queries.seen(vin)).hasValueSatisfying(s -> assertThat(s).isEqualTo(new VehicleSeen(NOW, NOW, 4, 1)));
        assertThat(count("SELECT COUNT(*) FROM vehicle WHERE vin = ? AND first_seen_at = ?", vin.value(),
                NOW.atOffset(ZoneOffset.UTC))).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM login WHERE vin = ? AND boot_id = 4 AND privacy_mode = FALSE",
                vin.value())).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM smart_service_vehicle WHERE vin = ?", vin.value())).isZero();
        assertThat(maintenance.needs(vin)).isEmpty();
    }

    @Test
    void write_whenSmartServiceReport_storesItsModelWithTheNewestState() throws SQLException {
        Vin vin = Uplinks.randomVin();

        store.write(List.of(smart(vin, 4, 2, Uplinks.healthyState(10))));

        assertThat(count("SELECT COUNT(*) FROM smart_service_vehicle WHERE vin = ? AND model_code = '992'"
                + " AND model_year = 2025", vin.value())).isEqualTo(1);
    }

    @Test
    void write_whenSmartServiceReports_keepsOnlyTheNewestStateOfTheVehicle() throws SQLException {
        Vin vin = Uplinks.randomVin();

        store.write(List.of(smart(vin, 4, 2, Uplinks.wornState(30_000)), smart(vin, 4, 1, Uplinks.healthyState(29_000))));
        store.write(List.of(smart(vin, 3, 9, Uplinks.healthyState(28_000))));

        assertThat(count("SELECT COUNT(*) FROM smart_service_vehicle WHERE vin = ?", vin.value())).isEqualTo(1L);
        assertThat(count("SELECT COUNT(*) FROM smart_service_vehicle WHERE vin = ? AND boot_id = 4 AND sequence = 2"
                + " AND odometer_km = 30000 AND pad_wear_fl_percent = 91 AND vehicle_time = ?", vin.value(),
                vehicleTime(vin, 4, 2))).isEqualTo(1);
        assertThat(queries.storedMessages(vin)).isEqualTo(3);
    }

    @Test
    void write_whenNewerStateGivesTheSameNeeds_movesTheNewestState() throws SQLException {
        Vin vin = Uplinks.randomVin();
        store.write(List.of(smart(vin, 1, 1, Uplinks.wornState(30_000))));
        List<MaintenanceNeed> before = maintenance.needs(vin);

        store.write(List.of(smart(vin, 1, 2, Uplinks.wornState(30_000))));

        assertThat(maintenance.needs(vin)).hasSize(2).isEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM smart_service_vehicle WHERE vin = ? AND sequence = 2", vin.value()))
                .isEqualTo(1);
    }

    @Test
    void write_whenReportWithoutState_storesOnlyTheMessage() throws SQLException {
        Vin vin = Uplinks.randomVin();
        UplinkEnvelope e = Uplinks.smartService(vin, 1, 1, Uplinks.healthyState(10));
        UplinkEnvelope stateless = e.toBuilder().setSmartService(e.getSmartService().toBuilder().clearState()).build();

        store.write(List.of(record(Service.SMART_SERVICE, stateless)));

        assertThat(queries.storedMessages(vin)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM smart_service_vehicle WHERE vin = ?", vin.value())).isZero();
        assertThat(maintenance.needs(vin)).isEmpty();
    }

    @Test
    void write_whenBatchIsNotInKeyOrder_returnsTheStoredInBatchOrder() {
        Vin first = Uplinks.randomVin();
        Vin second = Uplinks.randomVin();
        List<UplinkRecord> batch = List.of(smart(second, 2, 9, Uplinks.healthyState(1)),
                smart(first, 1, 3, Uplinks.healthyState(1)), smart(second, 1, 1, Uplinks.healthyState(1)),
                smart(first, 1, 3, Uplinks.healthyState(1)), smart(first, 1, 2, Uplinks.healthyState(1)));

        WriteResult result = store.write(batch);

        assertThat(result.stored()).containsExactly(batch.get(0), batch.get(1), batch.get(2), batch.get(4));
        assertThat(result.duplicates()).isEqualTo(1);
    }

    @Test
    void write_whenBatchHasMoreRowsThanOneStatementTakes_storesThemAll() throws SQLException {
        List<Vin> vins = Uplinks.randomVins(1_200);
        List<UplinkRecord> batch = vins.stream().map(v -> smart(v, 1, 1, Uplinks.wornState(30_000))).toList();

        WriteResult result = store.write(batch);

        assertThat(result.stored()).hasSize(1_200);
        assertThat(count("SELECT COUNT(*) FROM smart_service_vehicle")).isEqualTo(1_200);
        assertThat(maintenance.needCounts()).as("each vehicle's newest state shows oil and pads")
                .containsOnlyKeys(Component.ENGINE_OIL, Component.BRAKE_PADS)
                .allSatisfy((component, bySeverity) -> assertThat(bySeverity.values().stream()
                        .mapToLong(Long::longValue).sum()).isEqualTo(1_200));
        assertThat(maintenance.needs(vins.get(1_199))).hasSize(2);
    }

    @Test
    void write_whenWornState_derivesNeedsFromIt() {
        Vin vin = Uplinks.randomVin();

        store.write(List.of(smart(vin, 1, 2, Uplinks.wornState(30_000))));

        List<MaintenanceNeed> needs = maintenance.needs(vin);
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

        assertThat(maintenance.needs(vin)).isEmpty();
    }

    @Test
    void write_whenOlderStateArrivesLate_keepsNeedsOfNewestState() {
        Vin vin = Uplinks.randomVin();
        store.write(List.of(smart(vin, 2, 5, Uplinks.wornState(30_000))));

        store.write(List.of(smart(vin, 2, 4, Uplinks.healthyState(29_990)), smart(vin, 1, 9, Uplinks.healthyState(1))));

        assertThat(maintenance.needs(vin)).extracting(MaintenanceNeed::component)
                .containsExactly(Component.ENGINE_OIL, Component.BRAKE_PADS);
    }

    @Test
    void write_whenManyVehiclesInOneBatch_countsNeedsPerComponent() {
        List<UplinkRecord> batch = Uplinks.randomVins(5).stream()
                .map(v -> smart(v, 1, 1, Uplinks.wornState(10_000))).toList();

        store.write(batch);

        var counts = maintenance.needCounts();
        assertThat(counts.get(Component.BRAKE_PADS).get(Severity.HIGH)).isGreaterThanOrEqualTo(5);
    }

    @Test
    void write_whenMessageWithoutStateIsStored_keepsNeeds() {
        Vin vin = Uplinks.randomVin();
        store.write(List.of(smart(vin, 1, 1, Uplinks.wornState(30_000))));

        store.write(List.of(record(Service.MANUAL, Uplinks.manual(vin, 1, 2))));

        assertThat(maintenance.needs(vin)).hasSize(2);
        assertThat(queries.storedMessages(vin)).isEqualTo(2);
    }

    @Test
    void write_whenOlderWornStateArrivesAfterNewerHealthyOne_keepsNoNeeds() {
        Vin vin = Uplinks.randomVin();
        store.write(List.of(smart(vin, 2, 1, Uplinks.healthyState(30_100))));

        WriteResult late = store.write(List.of(smart(vin, 1, 9, Uplinks.wornState(30_000))));
        assertThat(maintenance.needs(vin)).isEmpty();
    }

    @Test
    void write_whenOlderStateIsLaterInTheSameBatch_derivesNeedsFromTheNewest() {
        Vin vin = Uplinks.randomVin();

        WriteResult result = store.write(List.of(smart(vin, 1, 5, Uplinks.wornState(30_000)),
                smart(vin, 1, 4, Uplinks.healthyState(29_990))));
        assertThat(maintenance.needs(vin)).hasSize(2);
    }

    @Test
    void write_whenNeedsComeGoAndComeBack_keepsOnlyThoseOfTheNewestState() throws SQLException {
        Vin vin = Uplinks.randomVin();
        store.write(List.of(smart(vin, 1, 1, Uplinks.wornState(30_000))));
        store.write(List.of(smart(vin, 1, 2, Uplinks.healthyState(30_010))));
        store.write(List.of(smart(vin, 1, 3, Uplinks.healthyState(30_020))));

        WriteResult result = store.write(List.of(smart(vin, 1, 4, Uplinks.wornState(30_030))));
        assertThat(maintenance.needs(vin)).hasSize(2);
        assertThat(maintenance.needs(vin).get(1).dueKm().getAsDouble()).as("the pads of the newest state")
                .isEqualTo(30_030 + 9 * 400.0);
    }

    @Test
    void write_whenNewerWornStateArrives_replacesNeedsWithThoseOfIt() throws SQLException {
        Vin vin = Uplinks.randomVin();
        store.write(List.of(smart(vin, 1, 1, Uplinks.wornState(30_000))));

        store.write(List.of(smart(vin, 1, 2, Uplinks.wornState(31_000))));

        assertThat(maintenance.needs(vin).get(1).dueKm().getAsDouble()).isEqualTo(31_000 + 9 * 400.0);
    }

    @Test
    void write_whenOlderMessageArrivesLate_keepsNewestKeyAndWidensSeenTimes() throws SQLException {
        Vin vin = Uplinks.randomVin();
        store.write(List.of(received(smart(vin, 1, 5, Uplinks.healthyState(10)), NOW)));
        store.write(List.of(received(smart(vin, 2, 1, Uplinks.healthyState(20)), NOW.plusSeconds(10))));

        store.write(List.of(received(record(Service.MANUAL, Uplinks.manual(vin, 1, 7)), NOW.minusSeconds(10))));

        assertThat(queries.seen(vin)).hasValue(new VehicleSeen(NOW.minusSeconds(10), NOW.plusSeconds(10), 2, 1));
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
        maintenance = new MaintenanceQueries(database, MaintenanceRules.defaults());
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

        database.migrate(Handlers.locations());

        assertThat(count("SELECT COUNT(*) FROM smart_service_vehicle WHERE vin = ? AND boot_id = 2 AND sequence = 3"
                + " AND vehicle_time = ? AND pad_wear_fl_percent = 91", worn.value(),
                vehicleTime(worn, 2, 3))).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'maintenance_need'"
                + " AND table_schema = CURRENT_SCHEMA")).as("the stored findings are gone").isZero();
        assertThat(maintenance.needs(worn)).as("derived from the newest state").hasSize(2)
                .noneMatch(n -> n.reason().equals("v1"));
        assertThat(count("SELECT COUNT(*) FROM smart_service_vehicle WHERE vin = ?", healthy.value())).isZero();
        assertThat(count("SELECT COUNT(*) FROM vehicle WHERE vin = ? AND first_seen_at = ?", healthy.value(),
                NOW.atOffset(ZoneOffset.UTC))).isEqualTo(1);
        try (UplinkStore migrated = UplinkStore.open(database, Handlers.standard(),
                Clock.fixed(NOW, ZoneOffset.UTC))) {
            migrated.write(List.of(smart(worn, 2, 2, Uplinks.healthyState(1))));
            assertThat(maintenance.needs(worn)).hasSize(2);

            migrated.write(List.of(smart(worn, 2, 4, Uplinks.healthyState(2)),
                    smart(healthy, 1, 2, Uplinks.wornState(3))));
        }
        assertThat(maintenance.needs(worn)).isEmpty();
        assertThat(maintenance.needs(healthy)).hasSize(2);
    }

    @Test
    void migrate_fromReportAndStateInTwoTables_movesTheStateIntoTheReportAndKeepsLogins() throws SQLException {
        Vin vin = Uplinks.randomVin();
        String url = freshDatabaseUrl();
        List<String> locations = new java.util.ArrayList<>(Handlers.locations());
        locations.add(0, Database.CORE_MIGRATIONS);
        Flyway.configure().dataSource(url, null, null).locations(locations.toArray(String[]::new))
                .outOfOrder(true).target("2026.11.29.1").load().migrate();
        database = Database.of(url);
        maintenance = new MaintenanceQueries(database, MaintenanceRules.defaults());
        try (Connection c = database.connect()) {
            insertVersion1State(c, vin, 1, 2);
            execute(c, "INSERT INTO smart_service_report (vin, boot_id, sequence, report_trigger, crossed_thresholds,"
                    + " model_code, model_year) VALUES (?, 1, 2, 'PERIODIC', 'oil', '992', 2025)", vin.value());
            execute(c, "INSERT INTO uplink_message (vin, boot_id, sequence, service, body, vehicle_time, received_at,"
                    + " payload) VALUES (?, 1, 3, 'smart-service', 'SMART_SERVICE', ?, ?, ?)", vin.value(),
                    vehicleTime(vin, 1, 3), NOW.atOffset(ZoneOffset.UTC), new byte[] {1});
            execute(c, "INSERT INTO smart_service_report (vin, boot_id, sequence, report_trigger, crossed_thresholds)"
                    + " VALUES (?, 1, 3, 'PERIODIC', '')", vin.value());
            execute(c, "INSERT INTO uplink_message (vin, boot_id, sequence, service, body, vehicle_time, received_at,"
                    + " payload) VALUES (?, 1, 1, 'login', 'LOGIN', ?, ?, ?)", vin.value(), vehicleTime(vin, 1, 1),
                    NOW.atOffset(ZoneOffset.UTC), new byte[] {1});
            execute(c, "INSERT INTO login (vin, boot_id, sequence, privacy_mode, group_with_location_enabled,"
                    + " group_without_location_enabled, disabled_services, live_diagnosis, online_software_update,"
                    + " online_map_update) VALUES (?, 1, 1, FALSE, TRUE, TRUE, '', TRUE, FALSE, FALSE)", vin.value());
        }

        database.migrate(Handlers.locations());

        assertThat(count("SELECT COUNT(*) FROM smart_service_report WHERE vin = ? AND sequence = 2 AND has_state = TRUE"
                + " AND pad_wear_fl_percent = 91 AND model_code = '992' AND crossed_thresholds = 'oil'"
                + " AND vehicle_time = ?", vin.value(), vehicleTime(vin, 1, 2))).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM smart_service_report WHERE vin = ? AND sequence = 3"
                + " AND has_state = FALSE AND odometer_km IS NULL", vin.value())).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM vehicle_state WHERE vin = ?", vin.value())).isZero();
        assertThat(count("SELECT COUNT(*) FROM login WHERE vin = ? AND live_diagnosis = TRUE", vin.value()))
                .isEqualTo(1);
        try (UplinkStore migrated = UplinkStore.open(database, Handlers.standard(), Clock.fixed(NOW, ZoneOffset.UTC))) {
            WriteResult again = migrated.write(List.of(record(Service.LOGIN, Uplinks.login(vin, 1, 1)),
                    smart(vin, 1, 4, Uplinks.wornState(40_000))));
            assertThat(again.duplicates()).isEqualTo(1);
        }
        assertThat(maintenance.needs(vin)).hasSize(2);
    }

    @Test
    void migrate_fromClaimInTheVehicleRow_copiesTheNewestState_whoseNeedsAreDerivedFromIt() throws SQLException {
        Vin vin = Uplinks.randomVin();
        String url = freshDatabaseUrl();
        List<String> locations = new java.util.ArrayList<>(Handlers.locations());
        locations.add(0, Database.CORE_MIGRATIONS);
        Flyway.configure().dataSource(url, null, null).locations(locations.toArray(String[]::new))
                .javaMigrations(new VehicleRowsRoomForUpdates()).outOfOrder(true).target("2026.11.29.3").load()
                .migrate();
        database = Database.of(url);
        queries = new StoreQueries(database);
        maintenance = new MaintenanceQueries(database, MaintenanceRules.defaults());
        try (Connection c = database.connect()) {
            execute(c, "INSERT INTO uplink_message (vin, boot_id, sequence, service, body, vehicle_time, received_at,"
                    + " payload) VALUES (?, 1, 2, 'smart-service', 'SMART_SERVICE', ?, ?, ?)", vin.value(),
                    vehicleTime(vin, 1, 2), NOW.atOffset(ZoneOffset.UTC), new byte[] {1});
            execute(c, "INSERT INTO smart_service_report (vin, boot_id, sequence, vehicle_time, report_trigger,"
                    + " crossed_thresholds, model_code, model_year, has_state, odometer_km, engine_oil_life_percent,"
                    + " pad_wear_fl_percent, dtcs) VALUES (?, 1, 2, ?, 'PERIODIC', '', '992', 2025, TRUE, 30000, 12,"
                    + " 91, '')", vin.value(), vehicleTime(vin, 1, 2));
            execute(c, "INSERT INTO vehicle (vin, first_seen_at, last_seen_at, last_boot_id, last_sequence,"
                    + " state_vehicle_time, state_boot_id, state_sequence, has_needs) VALUES (?, ?, ?, 1, 2, ?, 1, 2,"
                    + " TRUE)", vin.value(), NOW.atOffset(ZoneOffset.UTC), NOW.atOffset(ZoneOffset.UTC),
                    vehicleTime(vin, 1, 2));
            execute(c, "INSERT INTO maintenance_need (vin, component, severity, reason, derived_at, source_boot_id,"
                    + " source_sequence) VALUES (?, 'ENGINE_OIL', 'HIGH', 'before', ?, 1, 2)", vin.value(),
                    NOW.atOffset(ZoneOffset.UTC));
        }

        database.migrate(Handlers.locations());

        assertThat(count("SELECT COUNT(*) FROM smart_service_vehicle WHERE vin = ? AND boot_id = 1 AND sequence = 2"
                + " AND vehicle_time = ? AND model_code = '992' AND pad_wear_fl_percent = 91",
                vin.value(), vehicleTime(vin, 1, 2))).isEqualTo(1);
        assertThat(queries.seen(vin)).hasValue(new VehicleSeen(NOW, NOW, 1, 2));
        try (UplinkStore migrated = UplinkStore.open(database, Handlers.standard(), Clock.fixed(NOW, ZoneOffset.UTC))) {
            migrated.write(List.of(smart(vin, 1, 1, Uplinks.healthyState(1))));
            assertThat(maintenance.needs(vin)).as("the copied state's oil and pads; an older state changes nothing")
                    .extracting(MaintenanceNeed::component).containsExactly(Component.ENGINE_OIL, Component.BRAKE_PADS);

            migrated.write(List.of(smart(vin, 1, 3, Uplinks.wornState(31_000))));
        }
        assertThat(maintenance.needs(vin).get(1).dueKm().getAsDouble()).isEqualTo(31_000 + 9 * 400.0);
    }

    private static void insertVersion1State(Connection c, Vin vin, long boot, long seq) throws SQLException {
        execute(c, "INSERT INTO uplink_message (vin, boot_id, sequence, service, body, vehicle_time, received_at,"
                + " payload) VALUES (?, ?, ?, 'smart-service', 'SMART_SERVICE', ?, ?, ?)",
                vin.value(), boot, seq, vehicleTime(vin, boot, seq), NOW.atOffset(ZoneOffset.UTC), new byte[] {1});
        // the version 1 columns, every reading set (worn pads and oil, as Uplinks.wornState)
        execute(c, "INSERT INTO vehicle_state (vin, boot_id, sequence, vehicle_time, source, odometer_km,"
                + " operating_hours, engine_oil_life_percent, pad_wear_fl_percent, pad_wear_fr_percent,"
                + " pad_wear_rl_percent, pad_wear_rr_percent, battery_volts, tire_fl_kpa, tire_fr_kpa, tire_rl_kpa,"
                + " tire_rr_kpa, tire_nominal_kpa, distance_to_service_km, time_to_service_s, dtcs) VALUES"
                + " (?, ?, ?, ?, 'smart-service', 100, 2, 12, 91, 60, 40, 40, 12.6, 250, 250, 250, 250, 250, 12000,"
                + " 17280000, '')", vin.value(), boot, seq, vehicleTime(vin, boot, seq));
    }

    private static java.time.OffsetDateTime vehicleTime(Vin vin, long boot, long seq) {
        return Instant.ofEpochMilli(Uplinks.header(vin, boot, seq).getVehicleTimeMs()).atOffset(ZoneOffset.UTC);
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
    void write_whenOlderReportComesUnderANewerBootAfterTheFreshState_keepsNeedsOfTheFreshState() {
        Vin vin = Uplinks.randomVin();
        Instant fresh = Instant.parse("2026-06-01T11:00:00Z");
        store.write(List.of(record(Service.SMART_SERVICE, Uplinks.smartService(vin, 5, 1, Uplinks.healthyState(30_100))
                .toBuilder().setHeader(Uplinks.header(vin, 5, 1, fresh)).build())));

        // the outbox's report from before the reconnect: older vehicle time, higher (boot, sequence)
        WriteResult late = store.write(List.of(record(Service.SMART_SERVICE,
                Uplinks.smartService(vin, 6, 2, Uplinks.wornState(30_000)).toBuilder()
                        .setHeader(Uplinks.header(vin, 6, 2, fresh.minusSeconds(600))).build())));

        assertThat(late.stored()).hasSize(1);
        assertThat(maintenance.needs(vin)).isEmpty();
    }

    @Test
    void write_whenSameVehicleTimeTwice_breaksTheTieByBootThenSequence() {
        Vin vin = Uplinks.randomVin();
        Instant t = Instant.parse("2026-06-01T11:00:00Z");
        store.write(List.of(record(Service.SMART_SERVICE, Uplinks.smartService(vin, 5, 1, Uplinks.healthyState(30_100))
                .toBuilder().setHeader(Uplinks.header(vin, 5, 1, t)).build())));

        store.write(List.of(record(Service.SMART_SERVICE, Uplinks.smartService(vin, 5, 2, Uplinks.wornState(30_100))
                .toBuilder().setHeader(Uplinks.header(vin, 5, 2, t)).build())));

        assertThat(maintenance.needs(vin)).hasSize(2);
    }

    /** A handler that records what it is handed, for a service the backend has no handler for yet. */
    static final class RecordingHandler implements ServiceHandler {
        final List<List<UplinkRecord>> handed = new java.util.ArrayList<>();

        @Override
        public Service service() {
            return Service.MANUAL;
        }

        @Override
        public java.util.Set<UplinkEnvelope.BodyCase> bodies() {
            return java.util.Set.of(UplinkEnvelope.BodyCase.MANUAL_EVENT);
        }

        @Override
        public String migrationLocation() {
            return "classpath:db/none";
        }

        @Override
        public RetentionPolicy retention() {
            return RetentionPolicy.years(1, "test");
        }

        /** What {@link #store} was handed, as seen by its actions after the commit. */
        final List<List<UplinkRecord>> afterCommit = new java.util.ArrayList<>();
        /** Whether {@link #store} refuses what it is handed (after adding its action). */
        boolean refuse;

        @Override
        public void store(Connection connection, List<UplinkRecord> records, Instant backendTime, AfterCommit after)
                throws SQLException {
            List<UplinkRecord> copy = List.copyOf(records);
            handed.add(copy);
            after.add(() -> afterCommit.add(copy));
            if (refuse) {
                throw new SQLException("refused by the test", "22000");
            }
        }
    }

    @Test
    void write_runsTheHandlersActionsAfterTheCommit_andNoneOfABatchRolledBack() throws SQLException {
        RecordingHandler manual = new RecordingHandler();
        Vin vin = Uplinks.randomVin();
        UplinkRecord first = record(Service.MANUAL, Uplinks.manual(vin, 1, 1));
        UplinkRecord second = record(Service.MANUAL, Uplinks.manual(vin, 1, 2));
        try (UplinkStore withManual = UplinkStore.open(database, List.of(manual), Clock.fixed(NOW, ZoneOffset.UTC))) {
            withManual.write(List.of(first));
            manual.refuse = true;

            assertThatThrownBy(() -> withManual.write(List.of(second))).isInstanceOf(StorageException.class)
                    .hasMessageContaining("refused by the test");
        }

        assertThat(manual.handed).containsExactly(List.of(first), List.of(second));
        assertThat(manual.afterCommit).containsExactly(List.of(first));
        assertThat(count("SELECT COUNT(*) FROM uplink_message WHERE vin = ?", vin.value())).isEqualTo(1L);
    }

    /** Failed on the code before: absent readings were read as 0 (oil life 0 = CRITICAL, service overdue). */
    @Test
    void write_whenReportCarriesNoReadings_storesNullsAndDerivesNoNeeds() throws SQLException {
        Vin vin = Uplinks.randomVin();
        UplinkEnvelope e = Uplinks.smartService(vin, 1, 1, Uplinks.healthyState(10));
        UplinkEnvelope empty = e.toBuilder().setSmartService(e.getSmartService().toBuilder()
                .setState(io.pcmsim.proto.v1.VehicleState.getDefaultInstance())).build();

        store.write(List.of(record(Service.SMART_SERVICE, empty)));

        assertThat(maintenance.needs(vin)).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM smart_service_vehicle WHERE vin = ?"
                + " AND engine_oil_life_percent IS NULL"
                + " AND tire_fl_kpa IS NULL AND distance_to_service_km IS NULL AND time_to_service_s IS NULL",
                vin.value())).isEqualTo(1);
    }

    @Test
    void write_whenBatteryElectricReport_storesItsReadingsWarningsAndPowertrainAndNoOil() {
        Vin vin = Uplinks.randomVin();
        io.pcmsim.protocol.MoreReadings more = new io.pcmsim.protocol.MoreReadings(java.util.OptionalDouble.empty(),
                java.util.OptionalDouble.of(800), java.util.OptionalDouble.of(91), java.util.OptionalDouble.of(88),
                java.util.OptionalDouble.of(55.5), java.util.OptionalDouble.of(64), java.util.OptionalDouble.of(12),
                List.of("W-HV-BATTERY", "W-WASHER-FLUID"));
        io.pcmsim.protocol.VehicleSnapshot healthy = Uplinks.healthyState(10);
        io.pcmsim.protocol.VehicleSnapshot electric = new io.pcmsim.protocol.VehicleSnapshot(healthy.odometerKm(),
                healthy.operatingHours(), java.util.OptionalDouble.empty(), healthy.brakePadWearPercent(),
                healthy.lowVoltageBatteryVolts(), healthy.tirePressureKpa(), healthy.tirePressureNominalKpa(),
                healthy.distanceToServiceKm(), healthy.timeToService(), List.of("P0A80"), more);
        UplinkEnvelope e = Uplinks.smartService(vin, 1, 1, electric);
        UplinkEnvelope withPowertrain = e.toBuilder().setSmartService(e.getSmartService().toBuilder()
                .setPowertrain(io.pcmsim.proto.v1.Powertrain.POWERTRAIN_BATTERY_ELECTRIC)).build();

        store.write(List.of(record(Service.SMART_SERVICE, withPowertrain)));

        io.pcmsim.backend.SmartServiceState stored = maintenance.newestState(vin).orElseThrow();
        assertThat(stored.powertrain()).contains("battery-electric");
        assertThat(stored.state().engineOilLifePercent()).isEmpty();
        assertThat(stored.state().more()).isEqualTo(more);
        assertThat(maintenance.needs(vin)).extracting(n -> n.component().name())
                .containsExactly("DIAGNOSTIC_TROUBLE_CODES", "BRAKE_FLUID", "HIGH_VOLTAGE_BATTERY", "WASHER_FLUID");
    }

    @Test
    void write_whenHandlerRegistered_handsItOnlyTheNewMessagesOfItsService() {
        RecordingHandler manual = new RecordingHandler();
        Vin vin = Uplinks.randomVin();
        UplinkRecord first = record(Service.MANUAL, Uplinks.manual(vin, 1, 1));
        UplinkRecord second = record(Service.MANUAL, Uplinks.manual(vin, 1, 3));
        try (UplinkStore withManual = UplinkStore.open(database, List.of(manual), Clock.fixed(NOW, ZoneOffset.UTC))) {
            withManual.write(List.of(first));

            withManual.write(List.of(first, smart(vin, 1, 2, Uplinks.healthyState(1)), second));
        }

        assertThat(manual.handed).hasSize(2);
        assertThat(manual.handed.get(0)).containsExactly(first);
        assertThat(manual.handed.get(1)).containsExactly(second);
        assertThat(maintenance.needs(vin)).isEmpty();
    }

    @Test
    void open_whenTwoHandlersForOneService_throwsNamingTheService() {
        assertThatThrownBy(() -> UplinkStore.open(database, List.of(new RecordingHandler(), new RecordingHandler()),
                Clock.systemUTC())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MANUAL");
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
