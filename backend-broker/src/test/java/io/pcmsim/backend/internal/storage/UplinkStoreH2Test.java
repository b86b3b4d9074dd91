package io.pcmsim.backend.internal.storage;

import java.util.UUID;

/** {@link UplinkStoreContract} on an in-memory H2 database in PostgreSQL mode (no network). */
class UplinkStoreH2Test extends UplinkStoreContract {

    @Override
    String freshDatabaseUrl() {
        return "jdbc:h2:mem:store-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
    }
}
