package io.pcmsim.backend.storage;

import io.pcmsim.proto.v1.Login;
import io.pcmsim.proto.v1.MapVersion;
import io.pcmsim.proto.v1.SmartServiceReport;
import io.pcmsim.proto.v1.SoftwareComponent;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.VehicleSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Writes the decoded parts of new messages: state, Smart Service specifics, login snapshot. */
final class BodyRows {

    private static final String INSERT_REPORT = "INSERT INTO smart_service_report"
            + " (vin, boot_id, sequence, report_trigger, crossed_thresholds) VALUES (?, ?, ?, ?, ?)";
    private static final String INSERT_LOGIN = "INSERT INTO login (vin, boot_id, sequence, model_code, model_year,"
            + " privacy_mode, group_with_location_enabled, group_without_location_enabled, disabled_services,"
            + " live_diagnosis, online_software_update, online_map_update)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_VERSION = "INSERT INTO login_version (vin, boot_id, sequence, kind, name, version)"
            + " VALUES (?, ?, ?, ?, ?, ?)";

    void insert(Connection c, List<UplinkRecord> stored) throws SQLException {
        try (PreparedStatement state = c.prepareStatement(StateColumns.INSERT);
             PreparedStatement report = c.prepareStatement(INSERT_REPORT);
             PreparedStatement login = c.prepareStatement(INSERT_LOGIN);
             PreparedStatement version = c.prepareStatement(INSERT_VERSION)) {
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
                    addLogin(login, version, r, e.getLogin());
                }
            }
            state.executeBatch();
            report.executeBatch();
            // login before its versions: login_version references login
            login.executeBatch();
            version.executeBatch();
        }
    }

    private static void addLogin(PreparedStatement login, PreparedStatement version, UplinkRecord r, Login l)
            throws SQLException {
        key(login, r);
        login.setString(4, l.getModelCode());
        login.setInt(5, l.getModelYear());
        login.setBoolean(6, l.getSettings().getPrivacyMode());
        login.setBoolean(7, l.getSettings().getGroupWithLocationEnabled());
        login.setBoolean(8, l.getSettings().getGroupWithoutLocationEnabled());
        login.setString(9, String.join(",", l.getSettings().getDisabledServicesList()));
        login.setBoolean(10, l.getCapabilities().getLiveDiagnosis());
        login.setBoolean(11, l.getCapabilities().getOnlineSoftwareUpdate());
        login.setBoolean(12, l.getCapabilities().getOnlineMapUpdate());
        login.addBatch();
        Set<String> seen = new HashSet<>();
        for (SoftwareComponent s : l.getSoftwareList()) {
            if (seen.add("SOFTWARE/" + s.getComponent())) {
                addVersion(version, r, "SOFTWARE", s.getComponent(), s.getVersion());
            }
        }
        for (MapVersion m : l.getMapsList()) {
            if (seen.add("MAP/" + m.getRegion())) {
                addVersion(version, r, "MAP", m.getRegion(), m.getVersion());
            }
        }
    }

    private static void addVersion(PreparedStatement ps, UplinkRecord r, String kind, String name, String value)
            throws SQLException {
        key(ps, r);
        ps.setString(4, kind);
        ps.setString(5, name);
        ps.setString(6, value);
        ps.addBatch();
    }

    private static void key(PreparedStatement ps, UplinkRecord r) throws SQLException {
        ps.setString(1, r.header().vin().value());
        ps.setLong(2, r.header().bootId());
        ps.setLong(3, r.header().sequence());
    }
}
