package io.pcmsim.backend.smartservice;

import org.jspecify.annotations.Nullable;

/** {@link SmartServiceContract} on the backend's H2 file. */
class SmartServiceH2IT extends SmartServiceContract {

    @Override
    @Nullable String jdbcUrl() {
        return null;
    }
}
