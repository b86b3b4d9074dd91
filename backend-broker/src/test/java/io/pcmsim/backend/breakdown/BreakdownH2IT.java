package io.pcmsim.backend.breakdown;

import org.jspecify.annotations.Nullable;

/** {@link BreakdownContract} on the backend's H2 file. */
class BreakdownH2IT extends BreakdownContract {

    @Override
    @Nullable String jdbcUrl() {
        return null;
    }
}
