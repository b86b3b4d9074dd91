package io.pcmsim.backend.storage;

import io.pcmsim.proto.v1.Login;
import io.pcmsim.proto.v1.SmartServiceReport;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.VehicleSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Writes the decoded parts of new messages: state, Smart Service specifics, login settings and capabilities. */
final class BodyRows {

    private static final String INSERT_REPORT = "INSERT INTO smart_service_report"
            + " (vin, boot_id, sequence, report_trigger, crossed_thresholds) VALUES (?, ?, ?, ?, ?)";
    private static final String INSERT_LOGIN = "INSERT INTO login (vin, boot_id, sequence,"
            + " privacy_mode, group_with_location_enabled, group_without_location_enabled, disabled_services,"
            + " live_diagnosis, online_software_update, online_map_update)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    void insert(Connection c, List<UplinkRecord> stored) throws SQLException {
        try (PreparedStatement state = c.prepareStatement(StateColumns.INSERT);
             PreparedStatement report = c.prepareStatement(INSERT_REPORT);
             PreparedStatement login = c.prepareStatement(INSERT_LOGIN)) {
            for (UplinkRecord r : stored) {
                UplinkEnvelope e = r.envelope();
                Optional<VehicleSnapshot> snapshot = StateColumns.stateOf(e);
                if (snapshot.isPresent()) {
                    key(state, r);
                    Jdbc.setInstant(state, 4, r.header().vehicleTime());
                    state.setString(5, r.service().topicName());
                    StateColumns.bind(state, snapshot.get());
                    state.addBatch();
                }
                if (e.hasSmartService()) {
                    SmartServiceReport s = e.getSmartService();
                    key(report, r);
                    report.setString(4, s.getTrigger().name());
                    report.setString(5, String.join(",", s.getCrossedThresholdsList()));
                    report.addBatch();
                }
                if (e.hasLogin()) {
                    addLogin(login, r, e.getLogin());
                }
            }
            state.executeBatch();
            report.executeBatch();
            login.executeBatch();
        }
    }

    private static void addLogin(PreparedStatement login, UplinkRecord r, Login l) throws SQLException {
        key(login, r);
        login.setBoolean(4, l.getSettings().getPrivacyMode());
        login.setBoolean(5, l.getSettings().getGroupWithLocationEnabled());
        login.setBoolean(6, l.getSettings().getGroupWithoutLocationEnabled());
        login.setString(7, String.join(",", l.getSettings().getDisabledServicesList()));
        login.setBoolean(8, l.getCapabilities().getLiveDiagnosis());
        login.setBoolean(9, l.getCapabilities().getOnlineSoftwareUpdate());
        login.setBoolean(10, l.getCapabilities().getOnlineMapUpdate());
        login.addBatch();
    }

    private static void key(PreparedStatement ps, UplinkRecord r) throws SQLException {
        ps.setString(1, r.header().vin().value());
        ps.setLong(2, r.header().bootId());
        ps.setLong(3, r.header().sequence());
    }
}
