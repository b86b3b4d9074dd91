package io.pcmsim.backend.internal.identity;

import io.pcmsim.backend.identity.ConnectivityPackage;
import io.pcmsim.backend.identity.IdentityRegistry;
import io.pcmsim.backend.identity.UserAccount;
import io.pcmsim.backend.identity.VehicleContract;
import io.pcmsim.backend.internal.storage.Database;
import io.pcmsim.backend.internal.storage.Dialect;
import io.pcmsim.backend.internal.storage.Jdbc;
import io.pcmsim.backend.internal.storage.Params;
import io.pcmsim.backend.internal.storage.StorageException;
import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The identity registry on the backend's database ({@code identity_user}, {@code vehicle_owner},
 * {@code connectivity_package}). Each call opens its own connection and commits.
 */
public final class IdentityStore implements IdentityRegistry {

    /** Flyway location of the registry's tables. */
    public static final String MIGRATIONS = "classpath:db/identity";

    static final String INSERT_USER = "INSERT INTO identity_user (user_id, name, created_at, auto_enrolled)"
            + " VALUES (?, ?, ?, ?)";
    static final String INSERT_OWNER = "INSERT INTO vehicle_owner (vin, user_id, linked_at) VALUES (?, ?, ?)";
    static final String INSERT_PACKAGE = "INSERT INTO connectivity_package (vin, package_name, valid_from,"
            + " valid_until) VALUES (?, ?, ?, ?)";
    private static final String USER = "SELECT user_id, name, created_at, auto_enrolled FROM identity_user";

    private final Database database;
    private final Clock clock;

    public IdentityStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public UserAccount register(String name) {
        if (name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("a user's name must have 1 to 200 characters");
        }
        UserAccount user = new UserAccount(UUID.randomUUID().toString(), name.strip(), clock.instant(), false);
        write("register " + name, c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT_USER)) {
                new Params(ps).string(user.userId()).string(user.name()).instant(user.createdAt()).bool(false);
                ps.executeUpdate();
            }
        });
        return user;
    }

    @Override
    public Optional<UserAccount> user(String userId) {
        return read("read user " + userId, c -> user(c, userId));
    }

    @Override
    public void link(String userId, Vin vin) {
        write("link " + userId + " to " + vin, c -> {
            if (user(c, userId).isEmpty()) {
                throw new IllegalArgumentException("no user has the ID " + userId);
            }
            try (PreparedStatement ps = c.prepareStatement(replacing(c, "vehicle_owner", INSERT_OWNER,
                    "user_id = EXCLUDED.user_id, linked_at = EXCLUDED.linked_at"))) {
                new Params(ps).string(vin.value()).string(userId).instant(clock.instant());
                ps.executeUpdate();
            }
        });
    }

    @Override
    public void grant(Vin vin, ConnectivityPackage connectivity) {
        write("grant " + connectivity.name() + " to " + vin, c -> {
            try (PreparedStatement ps = c.prepareStatement(replacing(c, "connectivity_package", INSERT_PACKAGE,
                    "package_name = EXCLUDED.package_name, valid_from = EXCLUDED.valid_from,"
                            + " valid_until = EXCLUDED.valid_until"))) {
                new Params(ps).string(vin.value()).string(connectivity.name()).instant(connectivity.validFrom())
                        .instant(connectivity.validUntil());
                ps.executeUpdate();
            }
        });
    }

    @Override
    public VehicleContract contract(Vin vin) {
        return read("read the contract of " + vin, c -> {
            Optional<UserAccount> owner = Optional.empty();
            try (PreparedStatement ps = c.prepareStatement(USER
                    + " WHERE user_id = (SELECT user_id FROM vehicle_owner WHERE vin = ?)")) {
                ps.setString(1, vin.value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        owner = Optional.of(user(rs));
                    }
                }
            }
            Optional<ConnectivityPackage> connectivity = Optional.empty();
            try (PreparedStatement ps = c.prepareStatement("SELECT package_name, valid_from, valid_until"
                    + " FROM connectivity_package WHERE vin = ?")) {
                ps.setString(1, vin.value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        connectivity = Optional.of(new ConnectivityPackage(rs.getString(1),
                                Jdbc.instant(rs.getObject(2, OffsetDateTime.class)),
                                Jdbc.instant(rs.getObject(3, OffsetDateTime.class))));
                    }
                }
            }
            return new VehicleContract(vin, owner, connectivity);
        });
    }

    @Override
    public List<Vin> vehicles(String userId) {
        return read("read the vehicles of " + userId, c -> {
            List<Vin> vins = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT vin FROM vehicle_owner WHERE user_id = ? ORDER BY vin")) {
                ps.setString(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        vins.add(Vin.of(rs.getString(1)));
                    }
                }
            }
            return vins;
        });
    }

    private static Optional<UserAccount> user(Connection c, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(USER + " WHERE user_id = ?")) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(user(rs)) : Optional.empty();
            }
        }
    }

    private static UserAccount user(ResultSet rs) throws SQLException {
        return new UserAccount(rs.getString(1), rs.getString(2), Jdbc.instant(rs.getObject(3, OffsetDateTime.class)),
                rs.getBoolean(4));
    }

    /**
     * {@code insert} (of a row keyed by {@code vin}) turned into one statement that replaces the VIN's row if
     * there is one. Not a delete and an insert: a VIN's first login enrols it in another transaction at the
     * same moment, and its insert would then make this one fail on the key.
     */
    private static String replacing(Connection c, String table, String insert, String set) throws SQLException {
        return Dialect.of(c) == Dialect.POSTGRESQL
                ? insert + " ON CONFLICT (vin) DO UPDATE SET " + set
                : insert.replace("INSERT INTO " + table, "MERGE INTO " + table).replace(" VALUES", " KEY (vin) VALUES");
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private interface Change {
        void run(Connection connection) throws SQLException;
    }

    private <T> T read(String what, Work<T> work) {
        try (Connection c = database.connect()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StorageException("cannot " + what + ": " + e.getMessage(), e);
        }
    }

    private void write(String what, Change change) {
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try {
                change.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException("cannot " + what + ": " + e.getMessage(), e);
        }
    }
}
