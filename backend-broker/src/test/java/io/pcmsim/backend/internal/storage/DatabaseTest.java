package io.pcmsim.backend.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void migrate_aMigrationFails_namesItAndTheDatabasesReason() {
        Database database = Database.of(Database.h2Url(dir));

        assertThatThrownBy(() -> database.migrate(List.of("classpath:db/broken-for-test")))
                .isInstanceOf(StorageException.class)
                .hasMessageStartingWith("cannot prepare the schema of jdbc:h2:file:")
                .hasMessageContaining("Failed to execute script V2026_11_30_99__refers_to_a_missing_table.sql: ")
                .hasMessageContaining("\"no_such_table\" not found");
    }

    @Test
    void migrate_twice_secondTimeChangesNothing() throws Exception {
        Database database = Database.of(Database.h2Url(dir));

        database.migrate(List.of());
        database.migrate(List.of());

        try (Connection c = database.connect();
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM vehicle")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }

    @Test
    void of_urlWithoutJdbcScheme_refused() {
        assertThatThrownBy(() -> Database.of("postgresql://localhost/test"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must start with jdbc:");
    }
}
