package io.pcmsim.backend.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcmsim.backend.testing.PostgresSchemaExtension;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link UplinkStoreContract} on PostgreSQL at 127.0.0.1:5432 (database {@code test}, trust auth), in a
 * fresh schema per test run that is dropped afterwards. Skipped (or failed with CI=true) without PostgreSQL.
 */
class UplinkStorePostgresIT extends UplinkStoreContract {

    @RegisterExtension
    static final PostgresSchemaExtension POSTGRES = PostgresSchemaExtension.keptBetweenTests();

    @Test
    void migrate_onPostgres_leavesRoomForUpdatesOnVehicleAndNewestStatePages() throws SQLException {
        assertThat(count("SELECT COUNT(*) FROM pg_class WHERE relname IN ('vehicle', 'smart_service_vehicle')"
                + " AND relnamespace = to_regnamespace(current_schema()) AND 'fillfactor=30' = ANY (reloptions)"))
                .isEqualTo(2);
    }

    @Override
    String freshDatabaseUrl() {
        POSTGRES.schema().recreate();
        return POSTGRES.jdbcUrl();
    }
}
