package io.pcmsim.tools.e2e;

import org.jspecify.annotations.Nullable;

/** {@link SmartServiceFleetContract} on the backend's H2 file. */
class SmartServiceFleetH2IT extends SmartServiceFleetContract {

    @Override
    @Nullable String jdbcUrl() {
        return null;
    }
}
