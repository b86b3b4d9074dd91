package io.pcmsim.backend.internal.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pcmsim.backend.internal.breakdown.BreakdownRetention;
import io.pcmsim.backend.internal.service.DataClass;
import io.pcmsim.backend.internal.service.ExpiringRows;
import io.pcmsim.backend.internal.service.RetentionPolicy;
import io.pcmsim.backend.internal.service.UplinkRecord;
import io.pcmsim.backend.internal.smartservice.MaintenanceQueries;
import io.pcmsim.backend.internal.smartservice.MaintenanceRules;
import io.pcmsim.backend.internal.storage.Database;
import io.pcmsim.backend.internal.storage.StoreQueries;
import io.pcmsim.backend.internal.storage.UplinkStore;
import io.pcmsim.backend.retention.ClassDeletion;
import io.pcmsim.backend.retention.RetentionRun;
import io.pcmsim.backend.retention.RetentionTrigger;
import io.pcmsim.backend.testing.Handlers;
import io.pcmsim.backend.testing.ManualClock;
import io.pcmsim.backend.testing.Uplinks;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.UplinkCodec;
import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The retention job on a store written by the real {@link UplinkStore} and handlers, with a controlled clock:
 * every class's boundary (a run before {@code T + keep} keeps a record received at {@code T}, a run at or after
 * it deletes it), what each class takes with it, the run records, batches and the daily schedule. Subclasses
 * say which database.
 */
abstract class RetentionContract {

    /** When the old records were received. */
    static final Instant T = Instant.parse("2027-01-01T06:00:00Z");
    static final int BATCH = 3;

    ManualClock clock;
    Database database;
    UplinkStore store;
    RetentionJob job;

    /** A JDBC URL of an empty database (or schema) for one test. */
    abstract String freshDatabaseUrl();

    @BeforeEach
    void open() {
        clock = new ManualClock(T);
        database = Database.of(freshDatabaseUrl());
        List<String> locations = new ArrayList<>(Handlers.locations());
        locations.add(RetentionJob.MIGRATIONS);
        locations.add("classpath:db/breakdown"); // the breakdown class deletes its cases too
        database.migrate(locations);
        store = UplinkStore.open(database, Handlers.standard(), clock);
        job = new RetentionJob(database, RetentionClasses.of(Handlers.standard(), Map.of(Service.BREAKDOWN,
                BreakdownRetention.dataClass())), clock, () -> database.migrate(locations), BATCH);
    }

    @AfterEach
    void close() {
        if (job != null) {
            job.close();
        }
        if (store != null) {
            store.close();
        }
    }

    static Stream<Arguments> classes() {
        BiFunction<Vin, Long, UplinkEnvelope> smart = (vin, seq) -> Uplinks.smartService(vin, 1, seq,
                Uplinks.wornState(50_000 + seq));
        BiFunction<Vin, Long, UplinkEnvelope> login = (vin, seq) -> Uplinks.login(vin, 1, seq);
        BiFunction<Vin, Long, UplinkEnvelope> breakdown = (vin, seq) -> Uplinks.breakdown(vin, 1, seq);
        return Stream.of(
                Arguments.of("smart-service", Service.SMART_SERVICE, Period.ofYears(30), smart),
                Arguments.of("session", Service.LOGIN, Period.ofYears(1), login),
                Arguments.of("breakdown", Service.BREAKDOWN, Period.ofDays(7), breakdown));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("classes")
    void eachClass_isKeptBeforeItsPeriodEndsAndDeletedFromItsEndOn(String name, Service service, Period keep,
            BiFunction<Vin, Long, UplinkEnvelope> message) throws SQLException {
        Vin vin = Uplinks.randomVin();
        write(service, message.apply(vin, 1L), T);
        Instant young = T.plus(Duration.ofDays(1));
        write(service, message.apply(vin, 2L), young);
        Instant end = plus(T, keep);

        assertDeleted(job.run(end.minus(Duration.ofDays(1)), RetentionTrigger.API), name, 0);
        assertDeleted(job.run(end.minusSeconds(1), RetentionTrigger.API), name, 0);
        assertThat(messages(service)).as("the day and the second before, nothing is deleted").isEqualTo(2);

        assertDeleted(job.run(end, RetentionTrigger.API), name, 1);
        assertThat(keysOf(service)).as("at T + keep exactly the old record is gone").containsExactly(2L);

        assertDeleted(job.run(plus(young, keep).minusSeconds(1), RetentionTrigger.API), name, 0);
        assertThat(messages(service)).isEqualTo(1);
        assertDeleted(job.run(plus(young, keep).plus(Duration.ofDays(1)), RetentionTrigger.API), name, 1);
        assertThat(messages(service)).as("the day after, the young one is gone too").isZero();
    }

    @Test
    void breakdownPayloads_goAfterSevenDays_whileSmartServiceAndSessionStay() throws SQLException {
        Vin vin = Uplinks.randomVin();
        write(Service.LOGIN, Uplinks.login(vin, 1, 1), T);
        write(Service.SMART_SERVICE, Uplinks.smartService(vin, 1, 2, Uplinks.wornState(61_000)), T);
        write(Service.BREAKDOWN, Uplinks.breakdown(vin, 1, 3), T);

        RetentionRun dayBefore = job.run(T.plus(Duration.ofDays(6)), RetentionTrigger.CLI);
        assertThat(dayBefore.deleted()).isZero();
        assertThat(messages(Service.BREAKDOWN)).isEqualTo(1);

        RetentionRun dayAfter = job.run(T.plus(Duration.ofDays(8)), RetentionTrigger.CLI);
        assertThat(dayAfter.of("breakdown").orElseThrow().byTable()).containsEntry("uplink_message", 1L);
        assertThat(dayAfter.deleted()).as("only the breakdown payload").isEqualTo(1);
        assertThat(messages(Service.BREAKDOWN)).as("nothing with a location is left").isZero();
        assertThat(messages(Service.SMART_SERVICE)).isEqualTo(1);
        assertThat(messages(Service.LOGIN)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM login")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM smart_service_vehicle")).isEqualTo(1);
        assertThat(needs().needs(vin)).isNotEmpty();
    }

    @Test
    void sequenceGaps_aMessageDeletedInsideABoot_isNotALoss_aLostOneStillIs() throws SQLException {
        Vin vin = Uplinks.randomVin();
        write(Service.LOGIN, Uplinks.login(vin, 1, 1), T);
        write(Service.SMART_SERVICE, Uplinks.smartService(vin, 1, 2, Uplinks.wornState(61_000)), T);
        write(Service.BREAKDOWN, Uplinks.breakdown(vin, 1, 3), T);
        write(Service.SMART_SERVICE, Uplinks.smartService(vin, 1, 4, Uplinks.wornState(61_010)), T);
        write(Service.SMART_SERVICE, Uplinks.smartService(vin, 1, 6, Uplinks.wornState(61_020)), T); // 5 lost
        StoreQueries queries = new StoreQueries(database);
        assertThat(queries.sequenceGaps().missing()).isEqualTo(1);

        job.run(T.plus(Duration.ofDays(8)), RetentionTrigger.CLI);

        assertThat(messages(Service.BREAKDOWN)).as("the breakdown report in the middle of the boot went").isZero();
        assertThat(queries.sequenceGaps().missing()).as("only the lost 5; the deleted 3 is no loss").isEqualTo(1);
        assertThat(queries.sequenceGaps().examples()).containsExactly(vin.value() + "/1: 1");
        assertThat(count("SELECT COUNT(*) FROM retired_sequence")).isEqualTo(1);

        job.run(T.plus(Duration.ofDays(365 * 31)), RetentionTrigger.CLI);

        assertThat(queries.sequenceGaps().boots()).as("nothing of the boot is stored any more").isZero();
        assertThat(count("SELECT COUNT(*) FROM retired_sequence")).as("its record went with it").isZero();
    }

    @Test
    void smartService_anExpiredStateGoesWithItsNeeds_aNewerStateStaysWithItsNeeds() throws SQLException {
        Vin silent = Uplinks.randomVin();
        Vin active = Uplinks.randomVin();
        write(Service.SMART_SERVICE, Uplinks.smartService(silent, 1, 1, Uplinks.wornState(61_000)), T);
        write(Service.SMART_SERVICE, Uplinks.smartService(active, 1, 1, Uplinks.wornState(61_000)), T);
        write(Service.SMART_SERVICE, Uplinks.smartService(active, 2, 1, Uplinks.wornState(62_000)),
                T.plus(Duration.ofDays(400)));
        // a report row of the schema before (smart_service_report), keyed like its message
        execute("INSERT INTO smart_service_report (vin, boot_id, sequence, vehicle_time, report_trigger,"
                + " crossed_thresholds, has_state) VALUES ('" + silent.value() + "', 1, 1, TIMESTAMP WITH TIME ZONE"
                + " '2027-01-01 05:00:00+00', 'PERIODIC', '', FALSE)");
        assertThat(needs().needs(silent)).isNotEmpty();

        RetentionRun run = job.run(plus(T, Period.ofYears(30)), RetentionTrigger.API);

        ClassDeletion smart = run.of("smart-service").orElseThrow();
        assertThat(smart.byTable()).containsEntry("uplink_message", 2L).containsEntry("smart_service_vehicle", 1L)
                .containsEntry("smart_service_report", 1L);
        assertThat(count("SELECT COUNT(*) FROM smart_service_vehicle WHERE vin = ?", silent.value())).isZero();
        assertThat(needs().needs(silent)).as("no state, no findings").isEmpty();
        assertThat(count("SELECT COUNT(*) FROM smart_service_report")).isZero();
        assertThat(count("SELECT boot_id FROM smart_service_vehicle WHERE vin = ?", active.value()))
                .as("the active car's state comes from its newer report").isEqualTo(2);
        assertThat(needs().needs(active)).isNotEmpty();
        assertThat(count("SELECT COUNT(*) FROM uplink_message WHERE vin = ?", active.value())).isEqualTo(1);
    }

    @Test
    void session_loginRowsGoWithTheirMessages() throws SQLException {
        Vin vin = Uplinks.randomVin();
        write(Service.LOGIN, Uplinks.login(vin, 1, 1), T);
        write(Service.LOGIN, Uplinks.login(vin, 2, 1), T.plus(Duration.ofDays(30)));

        RetentionRun run = job.run(plus(T, Period.ofYears(1)), RetentionTrigger.API);

        assertThat(run.of("session").orElseThrow().byTable()).containsEntry("login", 1L).containsEntry("uplink_message", 1L);
        assertThat(count("SELECT boot_id FROM login WHERE vin = ?", vin.value())).isEqualTo(2);
    }

    @Test
    void aRun_isRecordedWithItsCutoffsCountsAndReasons() throws SQLException {
        write(Service.BREAKDOWN, Uplinks.breakdown(Uplinks.randomVin(), 1, 1), T);
        clock.set(T.plus(Duration.ofDays(2)));
        Instant asOf = Instant.parse("2027-01-08T06:00:00Z");

        RetentionRun run = job.run(asOf, RetentionTrigger.API);

        assertThat(run.id()).isPositive();
        assertThat(run.asOf()).isEqualTo(asOf);
        assertThat(run.startedAt()).isEqualTo(clock.instant());
        assertThat(run.finishedAt()).contains(clock.instant());
        assertThat(run.triggeredBy()).isEqualTo(RetentionTrigger.API);
        assertThat(run.outcome()).isEqualTo(RetentionRun.Outcome.COMPLETED);
        assertThat(run.error()).isEmpty();
        assertThat(run.classes()).extracting(ClassDeletion::dataClass)
                .containsExactly("session", "smart-service", "breakdown");
        ClassDeletion breakdown = run.of("breakdown").orElseThrow();
        assertThat(breakdown.keep()).isEqualTo(Period.ofDays(7));
        assertThat(breakdown.cutoff()).isEqualTo(Instant.parse("2027-01-01T06:00:00Z"));
        assertThat(breakdown.deleted()).isEqualTo(1);
        assertThat(breakdown.rationale()).contains("7 days").contains("location");
        assertThat(run.of("smart-service").orElseThrow().cutoff()).isEqualTo(Instant.parse("1997-01-08T06:00:00Z"));
        assertThat(run.of("smart-service").orElseThrow().rationale()).contains("30 years");

        RetentionRun second = job.run(asOf, RetentionTrigger.CLI);
        assertThat(second.deleted()).as("a second run finds nothing more").isZero();
        assertThat(job.runs(10)).extracting(RetentionRun::id).containsExactly(second.id(), run.id());
        assertThat(job.run(run.id())).contains(run);
        assertThat(job.run(run.id() + 100)).isEmpty();
        assertThat(job.deletedByClass()).containsEntry("breakdown", 1L).containsEntry("smart-service", 0L);
    }

    @Test
    void manyExpiredMessages_goInBoundedBatches() throws SQLException {
        List<UplinkRecord> many = new ArrayList<>();
        for (int i = 1; i <= 3 * BATCH + 1; i++) {
            many.add(record(Service.BREAKDOWN, Uplinks.breakdown(Uplinks.randomVin(), 1, i), T));
        }
        store.write(many);

        RetentionRun run = job.run(T.plus(Duration.ofDays(7)), RetentionTrigger.API);

        assertThat(run.of("breakdown").orElseThrow().deleted()).isEqualTo(3 * BATCH + 1);
        assertThat(messages(Service.BREAKDOWN)).isZero();
    }

    @Test
    void schedule_runsDailyAtMidnight_andWhenTheOldestRecordExpires() throws SQLException {
        write(Service.BREAKDOWN, Uplinks.breakdown(Uplinks.randomVin(), 1, 1), T);
        assertThat(job.nextDailyRun()).isEqualTo(Instant.parse("2027-01-02T00:00:00Z"));
        assertThat(job.tick()).isFalse();

        clock.set(Instant.parse("2027-01-02T00:00:00Z").minusMillis(1));
        assertThat(job.tick()).as("before midnight").isFalse();
        clock.set(Instant.parse("2027-01-02T00:00:00Z"));
        assertThat(job.tick()).isTrue();
        assertThat(job.tick()).as("once a day").isFalse();
        assertThat(job.runs(1).get(0).triggeredBy()).isEqualTo(RetentionTrigger.SCHEDULE);

        clock.set(Instant.parse("2027-01-08T00:00:30Z"));
        assertThat(job.tick()).as("days passed between two ticks: one run").isTrue();
        assertThat(job.tick()).isFalse();
        assertThat(messages(Service.BREAKDOWN)).as("received 06:00 seven days ago: not yet").isEqualTo(1);
        assertThat(job.nextDailyRun()).as("when the breakdown message expires, before the next midnight")
                .isEqualTo(T.plus(Duration.ofDays(7)));

        clock.set(T.plus(Duration.ofDays(7)).minusMillis(1));
        assertThat(job.tick()).isFalse();
        clock.set(T.plus(Duration.ofDays(7)));
        assertThat(job.tick()).as("a breakdown message outlives its 7 days by no more than a tick").isTrue();
        RetentionRun run = job.runs(1).get(0);
        assertThat(run.asOf()).isEqualTo(clock.instant());
        assertThat(run.of("breakdown").orElseThrow().deleted()).isEqualTo(1);
        assertThat(job.nextDailyRun()).isEqualTo(Instant.parse("2027-01-09T00:00:00Z"));
    }

    @Test
    void aTableWithItsOwnTime_isDeletedInBatchesByThatTime() throws SQLException {
        execute("CREATE TABLE retention_probe (id BIGINT PRIMARY KEY, opened_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        for (int id = 1; id <= 2 * BATCH + 1; id++) {
            execute("INSERT INTO retention_probe VALUES (" + id + ", TIMESTAMP WITH TIME ZONE '2027-01-01 06:00:00+00')");
        }
        execute("INSERT INTO retention_probe VALUES (100, TIMESTAMP WITH TIME ZONE '2027-01-01 06:00:01+00')");
        DataClass cases = DataClass.tablesOnly("cases", RetentionPolicy.days(7, "test"))
                .and(ExpiringRows.of("retention_probe", "opened_at", "id"));
        RetentionJob own = new RetentionJob(database, List.of(cases), clock, () -> { }, BATCH);

        RetentionRun run = own.run(T.plus(Duration.ofDays(7)), RetentionTrigger.API);

        assertThat(run.of("cases").orElseThrow().byTable()).containsExactly(Map.entry("retention_probe", 2L * BATCH + 1));
        assertThat(count("SELECT id FROM retention_probe")).as("received a second later: kept").isEqualTo(100);
    }

    @Test
    void classes_mayNotClash() {
        DataClass again = DataClass.messagesOf("session", Service.MANUAL, RetentionPolicy.days(1, "test"));
        assertThatThrownBy(() -> RetentionClasses.of(Handlers.standard(), Map.of(Service.MANUAL, again)))
                .hasMessageContaining("data class session is declared twice");
        DataClass logins = DataClass.messagesOf("logins", Service.LOGIN, RetentionPolicy.days(1, "test"));
        assertThat(RetentionClasses.of(Handlers.standard(), Map.of(Service.LOGIN, logins)))
                .as("a class for a service without handler is dropped once the service has one")
                .extracting(DataClass::name).containsExactly("session", "smart-service");
    }

    static Instant plus(Instant t, Period keep) {
        return t.atOffset(ZoneOffset.UTC).plus(keep).toInstant();
    }

    static UplinkRecord record(Service service, UplinkEnvelope e, Instant receivedAt) {
        return new UplinkRecord(UplinkCodec.header(e.getHeader()), service, e, e.toByteArray(), receivedAt);
    }

    void write(Service service, UplinkEnvelope e, Instant receivedAt) {
        assertThat(store.write(List.of(record(service, e, receivedAt))).stored()).hasSize(1);
    }

    private static void assertDeleted(RetentionRun run, String dataClass, long rows) {
        assertThat(run.outcome()).isEqualTo(RetentionRun.Outcome.COMPLETED);
        assertThat(run.of(dataClass).orElseThrow().byTable().get("uplink_message"))
                .as("raw messages of %s deleted by the run as of %s", dataClass, run.asOf()).isEqualTo(rows);
    }

    long messages(Service service) throws SQLException {
        return count("SELECT COUNT(*) FROM uplink_message WHERE service = ?", service.topicName());
    }

    List<Long> keysOf(Service service) throws SQLException {
        List<Long> sequences = new ArrayList<>();
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT sequence FROM uplink_message WHERE service = ? ORDER BY sequence")) {
            ps.setString(1, service.topicName());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sequences.add(rs.getLong(1));
                }
            }
        }
        return sequences;
    }

    MaintenanceQueries needs() {
        return new MaintenanceQueries(database, MaintenanceRules.defaults());
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

    void execute(String sql) throws SQLException {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        }
    }
}
