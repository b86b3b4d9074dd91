package io.pcmsim.backend.internal.breakdown;

import io.pcmsim.backend.breakdown.BreakdownCase;
import io.pcmsim.backend.breakdown.BreakdownCounts;
import io.pcmsim.backend.breakdown.BreakdownData;
import io.pcmsim.backend.breakdown.CallTrigger;
import io.pcmsim.backend.breakdown.CaseState;
import io.pcmsim.backend.breakdown.Consents;
import io.pcmsim.backend.breakdown.Forwarding;
import io.pcmsim.backend.internal.storage.Database;
import io.pcmsim.backend.internal.storage.StorageException;
import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The read-only queries on {@code breakdown_case}. Thread-safe: each call opens and closes its own
 * connection and sees committed data only. The live diagnosis is computed when a case is read, from the
 * stored fault log, for cars that declared the capability.
 */
final class CaseReads {

    private static final String COLUMNS = "SELECT case_id, vin, call_id, call_trigger, opened_at, state, state_reason,"
            + " consent_assistance, consent_dealer, assistance_forwarding, dealer_forwarding, live_diagnosis, dealer_id,"
            + " received_at, vehicle_time, report FROM breakdown_case";
    private static final String NEWEST_FIRST = " ORDER BY opened_at DESC, case_id";
    private static final String COUNTS = "SELECT COUNT(*),"
            + " SUM(CASE WHEN assistance_forwarding = 'FORWARDED' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN dealer_forwarding = 'FORWARDED' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN assistance_forwarding = 'WITHHELD_NO_CONSENT' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN dealer_forwarding = 'WITHHELD_NO_CONSENT' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN state = 'TIMED_OUT' THEN 1 ELSE 0 END) FROM breakdown_case";

    private final Database database;
    private final KnowledgeBase knowledge;

    CaseReads(Database database, KnowledgeBase knowledge) {
        this.database = database;
        this.knowledge = knowledge;
    }

    Optional<BreakdownCase> find(String caseId) {
        List<BreakdownCase> found = query(COLUMNS + " WHERE case_id = ?", caseId, 1);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    List<BreakdownCase> recent(int limit) {
        return query(COLUMNS + NEWEST_FIRST + " FETCH FIRST " + Math.max(0, limit) + " ROWS ONLY", null, limit);
    }

    List<BreakdownCase> ofVehicle(Vin vin) {
        return query(COLUMNS + " WHERE vin = ?" + NEWEST_FIRST, vin.value(), Integer.MAX_VALUE);
    }

    BreakdownCounts counts() {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(COUNTS);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new BreakdownCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                    rs.getLong(6));
        } catch (SQLException e) {
            throw new StorageException("cannot count breakdown cases: " + e.getMessage(), e);
        }
    }

    private List<BreakdownCase> query(String sql, @Nullable String parameter, int limit) {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter != null) {
                ps.setString(1, parameter);
            }
            List<BreakdownCase> cases = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && cases.size() < limit) {
                    cases.add(row(rs));
                }
            }
            return cases;
        } catch (SQLException e) {
            throw new StorageException("cannot read breakdown cases: " + e.getMessage(), e);
        }
    }

    private BreakdownCase row(ResultSet rs) throws SQLException {
        byte[] report = rs.getBytes(16);
        boolean diagnose = rs.getBoolean(12);
        Optional<BreakdownData> data = report == null ? Optional.empty()
                : Optional.of(ReportCodec.data(report, instant(rs, 14), instant(rs, 15), diagnose, knowledge));
        return new BreakdownCase(rs.getString(1), Vin.of(rs.getString(2)), rs.getString(3),
                CallTrigger.valueOf(rs.getString(4)), instant(rs, 5), CaseState.valueOf(rs.getString(6)),
                Optional.ofNullable(rs.getString(7)), new Consents(rs.getBoolean(8), rs.getBoolean(9)),
                Forwarding.valueOf(rs.getString(10)), Forwarding.valueOf(rs.getString(11)),
                Optional.ofNullable(rs.getString(13)), data);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
