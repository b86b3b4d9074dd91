package io.pcmsim.backend.internal.session;

import io.pcmsim.backend.internal.identity.AutoEnrolment;
import io.pcmsim.backend.internal.service.AfterCommit;
import io.pcmsim.backend.internal.service.DataClass;
import io.pcmsim.backend.internal.service.DerivedRows;
import io.pcmsim.backend.internal.service.RetentionPolicy;
import io.pcmsim.backend.internal.service.ServiceHandler;
import io.pcmsim.backend.internal.service.UplinkRecord;
import io.pcmsim.backend.internal.storage.MultiRow;
import io.pcmsim.proto.v1.Capabilities;
import io.pcmsim.proto.v1.DriverSettings;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Stores each login's driver settings and capabilities in {@code login}, keyed like its message.
 *
 * <p>Retention: 1 year (the notice names no period for the session). A login says which services a car
 * allowed and could use at the start of a session; support needs that history to explain why a car did or did
 * not use a service, and no longer than a year (the data are settings, not usage). The class {@code session}
 * holds the raw logins in {@code uplink_message} and their {@code login} rows (and the states old logins
 * carried, {@code vehicle_state}, which go with their message by the schema's cascade).
 */
public final class SessionHandler implements ServiceHandler {

    private final @Nullable AutoEnrolment enrolment;

    /** A handler that enrols nobody. */
    public SessionHandler() {
        this(null);
    }

    /** @param enrolment enrols unknown VINs at their login, in the login's transaction; null: no enrolment */
    public SessionHandler(@Nullable AutoEnrolment enrolment) {
        this.enrolment = enrolment;
    }

    private static final String INSERT = "INSERT INTO login (vin, boot_id, sequence, privacy_mode,"
            + " group_with_location_enabled, group_without_location_enabled, disabled_services,"
            + " live_diagnosis, online_software_update, online_map_update)";
    private static final int COLUMNS = 10;
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
    public List<DataClass> dataClasses() {
        return List.of(DataClass.messagesOf("session", Service.LOGIN, RETENTION).and(DerivedRows.keyedLike("login")));
    }

    @Override
    public void store(Connection connection, List<UplinkRecord> records, Instant backendTime, AfterCommit afterCommit)
            throws SQLException {
        MultiRow.insert(connection, INSERT, COLUMNS, "", records, (p, r) -> {
            DriverSettings settings = r.envelope().getLogin().getSettings();
            Capabilities capabilities = r.envelope().getLogin().getCapabilities();
            p.string(r.header().vin().value()).bigint(r.header().bootId()).bigint(r.header().sequence())
                    .bool(settings.getPrivacyMode())
                    .bool(settings.getGroupWithLocationEnabled())
                    .bool(settings.getGroupWithoutLocationEnabled())
                    .string(String.join(",", settings.getDisabledServicesList()))
                    .bool(capabilities.getLiveDiagnosis())
                    .bool(capabilities.getOnlineSoftwareUpdate())
                    .bool(capabilities.getOnlineMapUpdate());
        });
        if (enrolment != null) {
            enrolment.enrolUnknown(connection, records.stream().map(r -> r.header().vin()).toList(), backendTime);
        }
    }
}
