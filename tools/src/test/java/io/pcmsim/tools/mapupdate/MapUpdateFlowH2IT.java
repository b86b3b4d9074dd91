package io.pcmsim.tools.mapupdate;

import io.pcmsim.backend.BackendConfig;

/** {@link MapUpdateFlowContract} with the backend's default H2 file. */
class MapUpdateFlowH2IT extends MapUpdateFlowContract {

    @Override
    BackendConfig.Builder storage(BackendConfig.Builder config) {
        return config;
    }
}
