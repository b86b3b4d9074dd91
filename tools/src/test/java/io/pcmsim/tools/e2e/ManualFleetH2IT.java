package io.pcmsim.tools.e2e;

import org.jspecify.annotations.Nullable;

/** {@link ManualFleetContract} on the backend's H2 file. */
class ManualFleetH2IT extends ManualFleetContract {

    @Override
    @Nullable String jdbcUrl() {
        return null;
    }
}
