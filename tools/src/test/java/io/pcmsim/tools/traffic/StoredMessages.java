package io.pcmsim.tools.traffic;

import io.pcmsim.backend.internal.storage.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/** What a backend stored, read from its H2 file: (VIN, boot id, sequence) to the raw payload (hex). */
final class StoredMessages {

    private StoredMessages() {
    }

    static Map<String, String> of(Path dataDir) throws Exception {
        Map<String, String> stored = new HashMap<>();
        try (Connection c = DriverManager.getConnection(Database.h2Url(dataDir));
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT vin, boot_id, sequence, payload FROM uplink_message")) {
            while (rows.next()) {
                stored.put(rows.getString(1) + "/" + rows.getLong(2) + "/" + rows.getLong(3),
                        HexFormat.of().formatHex(rows.getBytes(4)));
            }
        }
        return stored;
    }
}
