package io.pcmsim.backend.retention;

import org.jspecify.annotations.Nullable;

/** {@link RetentionNextToIngestionContract} on the backend's H2 file. */
class RetentionNextToIngestionH2IT extends RetentionNextToIngestionContract {

    @Override
    @Nullable String jdbcUrl() {
        return null;
    }
}
