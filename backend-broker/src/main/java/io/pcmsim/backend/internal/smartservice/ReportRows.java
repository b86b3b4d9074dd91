package io.pcmsim.backend.internal.smartservice;

import io.pcmsim.backend.internal.service.UplinkRecord;
import io.pcmsim.backend.internal.storage.Jdbc;
import io.pcmsim.proto.v1.SmartServiceReport;
import io.pcmsim.protocol.ReportedState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;

/** Writes each report's specifics to {@code smart_service_report} and its state to {@code vehicle_state}. */
final class ReportRows {

    private static final String INSERT_REPORT = "INSERT INTO smart_service_report"
            + " (vin, boot_id, sequence, report_trigger, crossed_thresholds, model_code, model_year)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";

    private ReportRows() {
    }

    static void insert(Connection c, List<UplinkRecord> records) throws SQLException {
        try (PreparedStatement state = c.prepareStatement(StateColumns.INSERT);
             PreparedStatement report = c.prepareStatement(INSERT_REPORT)) {
            for (UplinkRecord r : records) {
                SmartServiceReport s = r.envelope().getSmartService();
                key(report, r);
                report.setString(4, s.getTrigger().name());
                report.setString(5, String.join(",", s.getCrossedThresholdsList()));
                if (s.getModelCode().isEmpty()) {
                    report.setNull(6, Types.VARCHAR);
                    report.setNull(7, Types.INTEGER);
                } else {
                    report.setString(6, s.getModelCode());
                    report.setInt(7, s.getModelYear());
                }
                report.addBatch();
                Optional<ReportedState> snapshot = StateColumns.stateOf(r.envelope());
                if (snapshot.isPresent()) {
                    key(state, r);
                    Jdbc.setInstant(state, 4, r.header().vehicleTime());
                    state.setString(5, r.service().topicName());
                    StateColumns.bind(state, snapshot.get());
                    state.addBatch();
                }
            }
            // the state row references the message, not the report: either order works
            report.executeBatch();
            state.executeBatch();
        }
    }

    private static void key(PreparedStatement ps, UplinkRecord r) throws SQLException {
        ps.setString(1, r.header().vin().value());
        ps.setLong(2, r.header().bootId());
        ps.setLong(3, r.header().sequence());
    }
}
