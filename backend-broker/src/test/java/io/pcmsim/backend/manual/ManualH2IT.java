package io.pcmsim.backend.manual;

import org.jspecify.annotations.Nullable;

/** {@link ManualContract} on the backend's H2 file. */
class ManualH2IT extends ManualContract {

    @Override
    @Nullable String jdbcUrl() {
        return null;
    }
}
