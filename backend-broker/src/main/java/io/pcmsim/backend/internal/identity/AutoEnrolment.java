package io.pcmsim.backend.internal.identity;

import io.pcmsim.backend.identity.IdentityRegistry;
import io.pcmsim.backend.internal.storage.Jdbc;
import io.pcmsim.backend.internal.storage.MultiRow;
import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enrols a VIN the registry does not know at its first login: a generated owner (name and user ID from
 * the VIN only, see {@link OwnerNames}) linked to it, and a connectivity package valid for
 * {@link #PACKAGE_VALIDITY} from the backend's clock. Runs inside the transaction that stores the login,
 * so a login and its enrolment are committed together; each enrolment is logged (INFO, logger
 * {@link IdentityRegistry#ENROLMENT_LOGGER}). Two backends on one PostgreSQL may enrol the same VIN at once, or an
 * operator link an owner or grant a package while the VIN logs in: the inserts then skip what the other wrote.
 */
public final class AutoEnrolment {

    /** Name of the package an enrolled VIN gets. */
    public static final String PACKAGE = "Connect";
    /** How long that package is valid. */
    public static final Duration PACKAGE_VALIDITY = Duration.ofDays(3 * 365);

    private static final Logger LOG = LoggerFactory.getLogger(IdentityRegistry.ENROLMENT_LOGGER);

    /**
     * Enrols those of {@code vins} that have no owner yet.
     *
     * @return the VINs enrolled now
     */
    public Set<Vin> enrolUnknown(Connection c, Collection<Vin> vins, Instant now) throws SQLException {
        Set<String> keys = new TreeSet<>();
        vins.forEach(v -> keys.add(v.value()));
        if (keys.isEmpty()) {
            return Set.of();
        }
        keys.removeAll(MultiRow.existing(c, "vehicle_owner", "vin", List.copyOf(keys)));
        Set<Vin> enrolled = new TreeSet<>((a, b) -> a.value().compareTo(b.value()));
        // an operator's link or grant, or another backend's enrolment, may have written the VIN's row meanwhile
        String skip = " ON CONFLICT DO NOTHING";
        Instant until = now.plus(PACKAGE_VALIDITY);
        List<Vin> ordered = keys.stream().map(Vin::of).toList();
        // three JDBC batches, not three statements per VIN: a fleet's first logins come in thousands
        MultiRow.batch(c, IdentityStore.INSERT_USER + skip, ordered, (p, vin) -> p.string(OwnerNames.userId(vin))
                .string(OwnerNames.name(vin)).instant(now).bool(true));
        int[] linked = MultiRow.batch(c, IdentityStore.INSERT_OWNER + skip, ordered, (p, vin) -> p.string(vin.value())
                .string(OwnerNames.userId(vin)).instant(now));
        MultiRow.batch(c, IdentityStore.INSERT_PACKAGE + skip, ordered, (p, vin) -> p.string(vin.value())
                .string(PACKAGE).instant(now).instant(until));
        for (int i = 0; i < ordered.size(); i++) {
            if (Jdbc.changed(linked[i], "INSERT INTO vehicle_owner")) {
                Vin vin = ordered.get(i);
                enrolled.add(vin);
                LOG.info("enrolled {} at its first login: owner {} (user ID {}), connectivity package {} valid"
                        + " until {}", vin.value(), OwnerNames.name(vin), OwnerNames.userId(vin), PACKAGE, until);
            }
        }
        return enrolled;
    }
}
