package io.pcmsim.backend.internal.smartservice;

import io.pcmsim.backend.internal.service.DeletedRows;
import io.pcmsim.backend.internal.service.DerivedRows;
import io.pcmsim.backend.internal.service.MessageKey;
import io.pcmsim.backend.internal.service.MessageKeys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Retention of what Smart Service derived from a report: a vehicle's newest state ({@code smart_service_vehicle},
 * from which its findings are derived when asked) goes when the report that state came from expires. A newer
 * report replaces the state, so only the state of a car silent for the whole period expires.
 *
 * <p>Locks like the ingestion's claim: the state rows, in VIN order; a batch storing a newer state for one of
 * these cars waits and then writes the car's state afresh.
 */
final class ExpiredStates implements DerivedRows {

    @Override
    public List<String> tables() {
        return List.of("smart_service_vehicle");
    }

    @Override
    public void delete(Connection connection, List<MessageKey> messages, DeletedRows deleted) throws SQLException {
        List<String> vins = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT vin FROM smart_service_vehicle"
                + " WHERE (vin, boot_id, sequence) IN " + MessageKeys.in(connection, messages.size())
                + " ORDER BY vin FOR UPDATE")) {
            MessageKeys.bind(connection, ps, 1, messages);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    vins.add(rs.getString(1));
                }
            }
        }
        if (vins.isEmpty()) {
            return;
        }
        deleted.add("smart_service_vehicle", deleteByVin(connection, "smart_service_vehicle", vins));
    }

    private static int deleteByVin(Connection connection, String table, List<String> vins) throws SQLException {
        StringBuilder in = new StringBuilder("DELETE FROM ").append(table).append(" WHERE vin IN (");
        for (int i = 0; i < vins.size(); i++) {
            in.append(i == 0 ? "?" : ", ?");
        }
        try (PreparedStatement ps = connection.prepareStatement(in.append(')').toString())) {
            for (int i = 0; i < vins.size(); i++) {
                ps.setString(i + 1, vins.get(i));
            }
            return ps.executeUpdate();
        }
    }
}
