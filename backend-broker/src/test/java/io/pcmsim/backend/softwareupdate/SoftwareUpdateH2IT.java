package io.pcmsim.backend.softwareupdate;

import org.jspecify.annotations.Nullable;

/** {@link SoftwareUpdateContract} on the backend's H2 file. */
class SoftwareUpdateH2IT extends SoftwareUpdateContract {

    @Override
    @Nullable String jdbcUrl() {
        return null;
    }
}
