package io.pcmsim.backend.internal.mapupdate;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcmsim.backend.internal.retention.RetentionJob;
import io.pcmsim.backend.internal.storage.Database;
import io.pcmsim.backend.testing.Handlers;
import io.pcmsim.backend.retention.RetentionRun;
import io.pcmsim.backend.retention.RetentionTrigger;
import io.pcmsim.backend.testing.ManualClock;
import io.pcmsim.protocol.AnonymousMapKey;
import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retention of map update's two classes with a controlled clock: keys ({@code map}, 90 days after issue) and
 * documented transfers ({@code map-transfer}, 3 years after they were recorded); a run before the end keeps a
 * row, a run at the end deletes it. Subclasses say which database.
 */
abstract class MapUpdateRetentionContract {

    static final Instant T = Instant.parse("2027-01-01T06:00:00Z");
    static final Vin VIN = Vin.of("WP0ZZZ99ZTS392124");

    ManualClock clock;
    Database database;
    RetentionJob job;

    abstract String freshDatabaseUrl();

    @BeforeEach
    void open() {
        clock = new ManualClock(T);
        database = Database.of(freshDatabaseUrl());
        List<String> locations = new ArrayList<>(Handlers.locations());
        locations.add(RetentionJob.MIGRATIONS);
        locations.add("classpath:db/mapupdate");
        database.migrate(locations);
        job = new RetentionJob(database, MapUpdateRetention.dataClasses(), clock, () -> { }, 3);
    }

    @AfterEach
    void close() {
        if (job != null) {
            job.close();
        }
    }

    @Test
    void keys_areKeptNinetyDaysAfterIssue() throws SQLException {
        try (Connection c = database.connect()) {
            MapKeys.insert(c, MapKeys.newKey(), VIN, T);
            MapKeys.insert(c, MapKeys.newKey(), VIN, T.plusSeconds(1));
        }
        Instant end = T.plus(Duration.ofDays(90));

        assertThat(job.run(end.minusSeconds(1), RetentionTrigger.API).of("map").orElseThrow().byTable())
                .containsEntry("map_key", 0L);
        assertThat(count("map_key")).isEqualTo(2);
        RetentionRun atEnd = job.run(end, RetentionTrigger.API);
        assertThat(atEnd.outcome()).isEqualTo(RetentionRun.Outcome.COMPLETED);
        assertThat(atEnd.of("map").orElseThrow().byTable()).containsEntry("map_key", 1L);
        assertThat(count("map_key")).as("issued a second later: kept").isEqualTo(1);
    }

    @Test
    void transfers_areKeptThreeYearsAfterTheyWereRecorded() throws SQLException {
        transfer(T);
        transfer(T.plusSeconds(1));
        Instant end = T.atOffset(ZoneOffset.UTC).plusYears(3).toInstant();

        assertThat(job.run(end.minusSeconds(1), RetentionTrigger.API).of("map-transfer").orElseThrow().byTable())
                .containsEntry("map_transfer", 0L);
        assertThat(count("map_transfer")).isEqualTo(2);
        assertThat(job.run(end, RetentionTrigger.API).of("map-transfer").orElseThrow().byTable())
                .containsEntry("map_transfer", 1L);
        assertThat(count("map_transfer")).as("recorded a second later: kept").isEqualTo(1);
        assertThat(job.run(end.plusSeconds(1), RetentionTrigger.API).of("map-transfer").orElseThrow().byTable())
                .containsEntry("map_transfer", 1L);
        assertThat(count("map_transfer")).isZero();
    }

    private void transfer(Instant recordedAt) throws SQLException {
        AnonymousMapKey key = MapKeys.newKey();
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO map_transfer"
                + " (transfer_id, anonymous_key, region, map_version, transferred_at, recorded_at)"
                + " VALUES (?, ?, 'EU', '2027.1', ?, ?)")) {
            ps.setString(1, UUID.randomUUID().toString());
            ps.setString(2, key.value());
            ps.setObject(3, recordedAt.atOffset(ZoneOffset.UTC));
            ps.setObject(4, recordedAt.atOffset(ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    private long count(String table) throws SQLException {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM "
                + table); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
