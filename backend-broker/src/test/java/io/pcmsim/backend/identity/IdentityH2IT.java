package io.pcmsim.backend.identity;

import org.jspecify.annotations.Nullable;

/** {@link IdentityContract} on the backend's H2 file. */
class IdentityH2IT extends IdentityContract {

    @Override
    @Nullable String jdbcUrl() {
        return null;
    }
}
