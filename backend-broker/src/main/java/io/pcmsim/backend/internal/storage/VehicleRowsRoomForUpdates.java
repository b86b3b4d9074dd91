package io.pcmsim.backend.internal.storage;

import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Core migration 7, PostgreSQL only (H2 has no such setting; there it changes nothing): new pages of the
 * {@code vehicle} table are filled to 30 % only. Every batch updates the row of each of its vehicles, and the
 * Smart Service claim updates it again; with room on its page PostgreSQL writes the new row version
 * beside the old one without touching the index (a HOT update) and reclaims the dead versions whenever it
 * reads the page, without waiting for VACUUM. With full pages every update went to another page and left
 * the dead version behind: after 150,000 messages of 5,000 cars the 5,000-row table held 215,000 dead rows
 * (26 MB) on a server without autovacuum, and every statement that scanned it grew slower. (Since core
 * migration 2026.11.29.5 the row is written once per vehicle; the setting stays, harmless.)
 */
final class VehicleRowsRoomForUpdates implements JavaMigration {

    private static final int FILL_FACTOR = 30;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("7");
    }

    @Override
    public String getDescription() {
        return "vehicle rows room for updates";
    }

    @Override
    public Integer getChecksum() {
        return FILL_FACTOR;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        if (Dialect.of(context.getConnection()) != Dialect.POSTGRESQL) {
            return;
        }
        try (Statement s = context.getConnection().createStatement()) {
            // applies to pages written from now on; the rows already stored move as they are updated
            s.execute("ALTER TABLE vehicle SET (fillfactor = " + FILL_FACTOR + ")");
        }
    }
}
