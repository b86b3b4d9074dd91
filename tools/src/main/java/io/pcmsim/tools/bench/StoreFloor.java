package io.pcmsim.tools.bench;

import io.pcmsim.backend.internal.service.UplinkRecord;
import io.pcmsim.protocol.ReportedState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalDouble;

/**
 * {@code pcmsim bench store --floor}: what the database alone costs for the least a store must write per
 * message, as a yardstick for the store's figures: per batch one JDBC batch of raw messages into
 * {@code uplink_message} (idempotent on its key, as the store) and one JDBC batch of newest states into
 * {@code smart_service_vehicle} (an UPDATE of the readings conditional on being newer), then the commit.
 * No handler, no needs, no vehicle rows, no result read back. For one thread.
 */
final class StoreFloor {

    private static final String INSERT = "INSERT INTO uplink_message (vin, boot_id, sequence, service, body,"
            + " vehicle_time, received_at, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    private static final String NEW_VEHICLE = "INSERT INTO smart_service_vehicle (vin, vehicle_time, boot_id, sequence)"
            + " VALUES (?, ?, 0, 0) ON CONFLICT DO NOTHING";
    private static final String UPDATE = "UPDATE smart_service_vehicle SET vehicle_time = ?, boot_id = ?, sequence = ?,"
            + " odometer_km = ?, operating_hours = ?, engine_oil_life_percent = ?, pad_wear_fl_percent = ?,"
            + " pad_wear_fr_percent = ?, pad_wear_rl_percent = ?, pad_wear_rr_percent = ?, battery_volts = ?,"
            + " tire_fl_kpa = ?, tire_fr_kpa = ?, tire_rl_kpa = ?, tire_rr_kpa = ?, tire_nominal_kpa = ?,"
            + " distance_to_service_km = ? WHERE vin = ? AND vehicle_time < ?";
    private static final OffsetDateTime LONG_AGO = OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final Connection connection;

    StoreFloor(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
    }

    /** Gives each vehicle its row (as its first report would), so that every batch only updates. */
    void prepare(List<String> vins) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(NEW_VEHICLE)) {
            for (String vin : vins) {
                ps.setString(1, vin);
                ps.setObject(2, LONG_AGO);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        connection.commit();
    }

    /** Writes one batch in one transaction. */
    void write(List<UplinkRecord> batch) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT);
             PreparedStatement update = connection.prepareStatement(UPDATE)) {
            for (UplinkRecord r : batch) {
                OffsetDateTime time = r.header().vehicleTime().atOffset(ZoneOffset.UTC);
                insert.setString(1, r.header().vin().value());
                insert.setLong(2, r.header().bootId());
                insert.setLong(3, r.header().sequence());
                insert.setString(4, r.service().topicName());
                insert.setString(5, r.envelope().getBodyCase().name());
                insert.setObject(6, time);
                insert.setObject(7, at(r.receivedAt()));
                insert.setBytes(8, r.payload());
                insert.addBatch();
                if (r.envelope().hasSmartService()) {
                    bindState(update, r, time);
                    update.addBatch();
                }
            }
            insert.executeBatch();
            update.executeBatch();
        }
        connection.commit();
    }

    private static void bindState(PreparedStatement update, UplinkRecord r, OffsetDateTime time) throws SQLException {
        ReportedState s = io.pcmsim.protocol.UplinkCodec.reportedState(r.envelope().getSmartService().getState());
        int i = 1;
        update.setObject(i++, time);
        update.setLong(i++, r.header().bootId());
        update.setLong(i++, r.header().sequence());
        i = dbl(update, i, s.odometerKm());
        i = dbl(update, i, s.operatingHours());
        i = dbl(update, i, s.engineOilLifePercent());
        for (int w = 0; w < 4; w++) {
            i = dbl(update, i, s.brakePadWearPercent().get(w));
        }
        i = dbl(update, i, s.lowVoltageBatteryVolts());
        for (int w = 0; w < 4; w++) {
            i = dbl(update, i, s.tirePressureKpa().get(w));
        }
        i = dbl(update, i, s.tirePressureNominalKpa());
        i = dbl(update, i, s.distanceToServiceKm());
        update.setString(i++, r.header().vin().value());
        update.setObject(i, time);
    }

    private static int dbl(PreparedStatement ps, int index, OptionalDouble value) throws SQLException {
        if (value.isPresent()) {
            ps.setDouble(index, value.getAsDouble());
        } else {
            ps.setNull(index, Types.DOUBLE);
        }
        return index + 1;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
