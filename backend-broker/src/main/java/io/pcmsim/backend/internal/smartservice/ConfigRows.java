package io.pcmsim.backend.internal.smartservice;

import io.pcmsim.backend.internal.service.UplinkRecord;
import io.pcmsim.backend.internal.storage.Jdbc;
import io.pcmsim.backend.internal.storage.MultiRow;
import io.pcmsim.backend.internal.storage.Params;
import io.pcmsim.backend.smartservice.CollectionSettings;
import io.pcmsim.backend.smartservice.ConfigState;
import io.pcmsim.backend.smartservice.SentConfig;
import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** The rows of {@code smart_service_collection_config}: configs sent, and the car's acknowledgements. */
final class ConfigRows {

    private static final String INSERT = "INSERT INTO smart_service_collection_config (config_id, vin, interval_s,"
            + " thresholds, state, sent_at) VALUES (?, ?, ?, ?, 'PENDING', ?)";
    private static final String APPLIED = "UPDATE smart_service_collection_config SET state = 'APPLIED',"
            + " applied_at = ?, applied_boot_id = ?, applied_sequence = ? WHERE config_id = ? AND vin = ?"
            + " AND state = 'PENDING'";
    private static final String BY_VIN = "SELECT config_id, interval_s, thresholds, state, sent_at, applied_at"
            + " FROM smart_service_collection_config WHERE vin = ? ORDER BY sent_at, config_id";

    private ConfigRows() {
    }

    static void insert(Connection c, String configId, Vin vin, CollectionSettings settings, Instant sentAt)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            new Params(ps).string(configId).string(vin.value())
                    .nullableInteger(settings.intervalSeconds().isPresent() ? settings.intervalSeconds().getAsInt() : null)
                    .string(encode(settings.sortedThresholds())).instant(sentAt);
            ps.executeUpdate();
        }
    }

    /**
     * Marks the configs the records acknowledge ({@code CollectionConfigApplied}) as applied, at the car's clock
     * of each; one JDBC batch. An id the backend did not send to that car, or one applied already, changes nothing.
     *
     * @return how many configs became applied
     */
    static int applied(Connection c, List<UplinkRecord> acknowledgements) throws SQLException {
        int applied = 0;
        for (int count : MultiRow.batch(c, APPLIED, acknowledgements, (p, r) -> p.instant(r.header().vehicleTime())
                .bigint(r.header().bootId()).bigint(r.header().sequence())
                .string(r.envelope().getCollectionConfigApplied().getConfigId()).string(r.header().vin().value()))) {
            applied += count > 0 ? count : 0;
        }
        return applied;
    }

    static List<SentConfig> of(Connection c, Vin vin) throws SQLException {
        List<SentConfig> sent = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(BY_VIN)) {
            ps.setString(1, vin.value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int interval = rs.getInt(2);
                    OptionalInt intervalSeconds = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(interval);
                    OffsetDateTime applied = rs.getObject(6, OffsetDateTime.class);
                    sent.add(new SentConfig(rs.getString(1), vin, new CollectionSettings(intervalSeconds,
                            decode(rs.getString(3))), ConfigState.valueOf(rs.getString(4)),
                            Jdbc.instant(rs.getObject(5, OffsetDateTime.class)),
                            Optional.ofNullable(applied).map(Jdbc::instant)));
                }
            }
        }
        return sent;
    }

    /** {@code name=value;name=value}; names have no {@code =} or {@code ;} ({@link CollectionSettings}). */
    static String encode(Map<String, Double> thresholds) {
        StringBuilder text = new StringBuilder();
        thresholds.forEach((name, value) -> text.append(text.length() == 0 ? "" : ";").append(name).append('=')
                .append(value));
        return text.toString();
    }

    static Map<String, Double> decode(String text) {
        Map<String, Double> thresholds = new LinkedHashMap<>();
        if (!text.isEmpty()) {
            for (String pair : text.split(";")) {
                int eq = pair.indexOf('=');
                thresholds.put(pair.substring(0, eq), Double.parseDouble(pair.substring(eq + 1)));
            }
        }
        return thresholds;
    }
}
