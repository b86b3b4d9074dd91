package io.pcmsim.backend.internal.smartservice;

import io.pcmsim.backend.internal.service.UplinkRecord;
import io.pcmsim.backend.internal.storage.MultiRow;
import io.pcmsim.proto.v1.SmartServiceReport;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Writes each report, its specifics and the state it carries, as one row of {@code smart_service_report}. */
final class ReportRows {

    private static final String INSERT = "INSERT INTO smart_service_report (vin, boot_id, sequence, vehicle_time,"
            + " report_trigger, crossed_thresholds, model_code, model_year, " + StateColumns.NAMES + ")";
    private static final int COLUMNS = 8 + StateColumns.COUNT;

    private ReportRows() {
    }

    static void insert(Connection c, List<UplinkRecord> records) throws SQLException {
        MultiRow.insert(c, INSERT, COLUMNS, "", records, (p, r) -> {
            SmartServiceReport s = r.envelope().getSmartService();
            p.string(r.header().vin().value()).bigint(r.header().bootId()).bigint(r.header().sequence())
                    .instant(r.header().vehicleTime())
                    .string(s.getTrigger().name())
                    .string(String.join(",", s.getCrossedThresholdsList()));
            boolean model = !s.getModelCode().isEmpty();
            p.nullableString(model ? s.getModelCode() : null).nullableInteger(model ? s.getModelYear() : null);
            StateColumns.bind(p, StateColumns.stateOf(r.envelope()));
        });
    }
}
