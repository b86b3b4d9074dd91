package io.pcmsim.backend.internal.breakdown;

import io.pcmsim.backend.breakdown.CallTrigger;
import io.pcmsim.backend.breakdown.CaseState;
import io.pcmsim.backend.breakdown.Consents;
import io.pcmsim.backend.breakdown.Forwarding;
import io.pcmsim.backend.internal.storage.Jdbc;
import io.pcmsim.backend.internal.storage.MultiRow;
import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * The writes to {@code breakdown_case}, each on a connection the caller owns (the ingest transaction, or
 * a connection of its own): reported cases of a batch in one statement, answers to data pulls with one
 * lookup and one JDBC batch, app calls, the pull timeout and the retention delete. Stateless.
 */
public final class CaseStore {

    private static final String INSERT_REPORTED = "INSERT INTO breakdown_case (case_id, vin, call_id, call_trigger,"
            + " opened_at, state, consent_assistance, consent_dealer, assistance_forwarding, dealer_forwarding,"
            + " live_diagnosis, dealer_id, received_at, vehicle_time, latitude, longitude, report)";
    private static final int REPORTED_COLUMNS = 17;
    private static final String AWAITING = "SELECT t.pull_request_id, t.case_id, t.vin, t.call_id,"
            + " t.consent_assistance, t.consent_dealer FROM breakdown_case AS t";
    private static final String ATTACH = "UPDATE breakdown_case SET state = 'REPORTED', state_reason = NULL,"
            + " assistance_forwarding = ?, dealer_forwarding = ?, live_diagnosis = ?, dealer_id = ?, received_at = ?,"
            + " vehicle_time = ?, latitude = ?, longitude = ?, report = ? WHERE case_id = ? AND state = 'AWAITING_DATA'";
    private static final String OPEN_APP_CALL = "INSERT INTO breakdown_case (case_id, vin, call_id, call_trigger,"
            + " pull_request_id, opened_at, pull_deadline, state, consent_assistance, consent_dealer,"
            + " assistance_forwarding, dealer_forwarding, live_diagnosis) VALUES (?, ?, ?, 'APP_PULL', ?, ?, ?,"
            + " 'AWAITING_DATA', ?, ?, 'PENDING', 'PENDING', FALSE)";
    private static final String CLOSE_WITHOUT_DATA = "UPDATE breakdown_case SET state = ?, state_reason = ?,"
            + " assistance_forwarding = 'NO_DATA', dealer_forwarding = 'NO_DATA' WHERE state = 'AWAITING_DATA'";

    /** A case opened by an in-car report, or the report that answers a pull (its fields alike). */
    public record ReportRow(String caseId, Vin vin, String callId, Instant openedAt, Consents consents,
            Forwarding assistance, Forwarding dealer, boolean liveDiagnosis, @Nullable String dealerId,
            Instant receivedAt, Instant vehicleTime, OptionalDouble latitude, OptionalDouble longitude,
            byte[] report) {
    }

    /** A case awaiting the answer to its data pull. */
    public record AwaitingCase(String caseId, Vin vin, String callId, Consents consents) {
    }

    private CaseStore() {
    }

    /** Opens a REPORTED case per row, in one statement; a call already stored (same VIN and call id) stays as it is. */
    public static void insertReported(Connection c, List<ReportRow> rows) throws SQLException {
        MultiRow.insert(c, INSERT_REPORTED, REPORTED_COLUMNS, "ON CONFLICT DO NOTHING", rows, (p, r) -> p
                .string(r.caseId()).string(r.vin().value()).string(r.callId()).string(CallTrigger.IN_CAR.name())
                .instant(r.openedAt()).string(CaseState.REPORTED.name()).bool(r.consents().assistance())
                .bool(r.consents().dealer()).string(r.assistance().name()).string(r.dealer().name())
                .bool(r.liveDiagnosis()).nullableString(r.dealerId()).instant(r.receivedAt()).instant(r.vehicleTime())
                .dbl(r.latitude()).dbl(r.longitude()).bytes(r.report()));
    }

    /** The cases awaiting the answer to these pulls, by pull request id (one query). */
    public static Map<String, AwaitingCase> awaiting(Connection c, List<String> pullRequestIds) throws SQLException {
        Map<String, AwaitingCase> found = new HashMap<>();
        if (pullRequestIds.isEmpty()) {
            return found;
        }
        try (ResultSet rs = MultiRow.selectByKeys(c, AWAITING, "pull_request_id", pullRequestIds)) {
            while (rs.next()) {
                found.put(rs.getString(1), new AwaitingCase(rs.getString(2), Vin.of(rs.getString(3)), rs.getString(4),
                        new Consents(rs.getBoolean(5), rs.getBoolean(6))));
            }
        }
        return found;
    }

    /** Attaches the answers to their cases (one JDBC batch); a case no longer awaiting (timed out) is left alone. */
    public static int attach(Connection c, List<ReportRow> answers) throws SQLException {
        if (answers.isEmpty()) {
            return 0;
        }
        int attached = 0;
        for (int count : MultiRow.batch(c, ATTACH, answers, (p, r) -> p.string(r.assistance().name())
                .string(r.dealer().name()).bool(r.liveDiagnosis()).nullableString(r.dealerId()).instant(r.receivedAt())
                .instant(r.vehicleTime()).dbl(r.latitude()).dbl(r.longitude()).bytes(r.report()).string(r.caseId()))) {
            attached += Jdbc.changed(count, "UPDATE breakdown_case") ? 1 : 0;
        }
        return attached;
    }

    /** Opens an app call's case, awaiting the car's answer to the pull until {@code deadline}. */
    public static void openAppCall(Connection c, String caseId, Vin vin, String callId, String pullRequestId,
            Instant openedAt, Instant deadline, Consents consents) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(OPEN_APP_CALL)) {
            ps.setString(1, caseId);
            ps.setString(2, vin.value());
            ps.setString(3, callId);
            ps.setString(4, pullRequestId);
            Jdbc.setInstant(ps, 5, openedAt);
            Jdbc.setInstant(ps, 6, deadline);
            ps.setBoolean(7, consents.assistance());
            ps.setBoolean(8, consents.dealer());
            ps.executeUpdate();
        }
    }

    /** Every case awaiting data whose deadline is at or before {@code now} times out, with {@code reason}. */
    public static int timeOut(Connection c, Instant now, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CLOSE_WITHOUT_DATA + " AND pull_deadline <= ?")) {
            ps.setString(1, CaseState.TIMED_OUT.name());
            ps.setString(2, reason);
            Jdbc.setInstant(ps, 3, now);
            return ps.executeUpdate();
        }
    }

    /** The case's pull could not be sent: closed without data, with {@code reason}. */
    public static void pullNotSent(Connection c, String caseId, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CLOSE_WITHOUT_DATA + " AND case_id = ?")) {
            ps.setString(1, CaseState.PULL_NOT_SENT.name());
            ps.setString(2, reason.length() <= 200 ? reason : reason.substring(0, 200));
            ps.setString(3, caseId);
            ps.executeUpdate();
        }
    }
}
