package io.pcmsim.backend.internal.smartservice;

import io.pcmsim.backend.internal.service.UplinkRecord;
import io.pcmsim.backend.internal.storage.MultiRow;
import io.pcmsim.proto.v1.SmartServiceReport;
import io.pcmsim.protocol.ReportedState;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/** Writes each report, its specifics and the state it carries, as one row of {@code smart_service_report}. */
final class ReportRows {

    private static final String INSERT = "INSERT INTO smart_service_report (vin, boot_id, sequence, vehicle_time,"
            + " report_trigger, crossed_thresholds, model_code, model_year, " + StateColumns.NAMES + ")";
    private static final int COLUMNS = 8 + StateColumns.COUNT;

    private ReportRows() {
    }

    /** Inserts {@code records}; {@code states} holds each one's state, if it carries one. */
    static void insert(Connection c, List<UplinkRecord> records, List<Optional<ReportedState>> states)
            throws SQLException {
        List<Integer> rows = IntStream.range(0, records.size()).boxed().toList();
        MultiRow.insert(c, INSERT, COLUMNS, "", rows, (p, i) -> {
            UplinkRecord r = records.get(i);
            SmartServiceReport s = r.envelope().getSmartService();
            p.string(r.header().vin().value()).bigint(r.header().bootId()).bigint(r.header().sequence())
                    .instant(r.header().vehicleTime())
                    .string(s.getTrigger().name())
                    .string(String.join(",", s.getCrossedThresholdsList()));
            boolean model = !s.getModelCode().isEmpty();
            p.nullableString(model ? s.getModelCode() : null).nullableInteger(model ? s.getModelYear() : null);
            StateColumns.bind(p, states.get(i));
        });
    }
}
