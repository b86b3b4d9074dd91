package io.pcmsim.backend.internal.session;

import io.pcmsim.backend.internal.service.RetentionPolicy;
import io.pcmsim.backend.internal.service.ServiceHandler;
import io.pcmsim.backend.internal.service.UplinkRecord;
import io.pcmsim.proto.v1.Capabilities;
import io.pcmsim.proto.v1.DriverSettings;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Stores each login's driver settings and capabilities in {@code login}, keyed like its message.
 *
 * <p>Retention: 1 year. A login says which services a car allowed and could use at the start of a
 * session; support needs that history to explain why a car did or did not use a service, and no longer
 * than a year (the data are settings, not usage).
 */
public final class SessionHandler implements ServiceHandler {

    private static final String INSERT = "INSERT INTO login (vin, boot_id, sequence, privacy_mode,"
            + " group_with_location_enabled, group_without_location_enabled, disabled_services,"
            + " live_diagnosis, online_software_update, online_map_update) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final RetentionPolicy RETENTION = RetentionPolicy.years(1, "settings and capabilities per"
            + " session explain a car's service use to support; not usage data, so one year suffices");

    @Override
    public Service service() {
        return Service.LOGIN;
    }

    @Override
    public Set<UplinkEnvelope.BodyCase> bodies() {
        return Set.of(UplinkEnvelope.BodyCase.LOGIN);
    }

    @Override
    public String migrationLocation() {
        return "classpath:db/session";
    }

    @Override
    public RetentionPolicy retention() {
        return RETENTION;
    }

    @Override
    public void store(Connection connection, List<UplinkRecord> records, Instant backendTime) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
            for (UplinkRecord r : records) {
                DriverSettings settings = r.envelope().getLogin().getSettings();
                Capabilities capabilities = r.envelope().getLogin().getCapabilities();
                ps.setString(1, r.header().vin().value());
                ps.setLong(2, r.header().bootId());
                ps.setLong(3, r.header().sequence());
                ps.setBoolean(4, settings.getPrivacyMode());
                ps.setBoolean(5, settings.getGroupWithLocationEnabled());
                ps.setBoolean(6, settings.getGroupWithoutLocationEnabled());
                ps.setString(7, String.join(",", settings.getDisabledServicesList()));
                ps.setBoolean(8, capabilities.getLiveDiagnosis());
                ps.setBoolean(9, capabilities.getOnlineSoftwareUpdate());
                ps.setBoolean(10, capabilities.getOnlineMapUpdate());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
