package io.pcmsim.backend.testing;

import io.pcmsim.backend.internal.service.ServiceHandler;
import io.pcmsim.backend.internal.session.SessionHandler;
import io.pcmsim.backend.internal.smartservice.MaintenanceRules;
import io.pcmsim.backend.internal.smartservice.SmartServiceHandler;
import java.util.List;

/** The service handlers the backend registers, for tests that build a store without a backend. */
public final class Handlers {

    private Handlers() {
    }

    public static List<ServiceHandler> standard() {
        return List.of(new SessionHandler(), new SmartServiceHandler(MaintenanceRules.defaults()));
    }

    /** Their migration locations. */
    public static List<String> locations() {
        return standard().stream().map(ServiceHandler::migrationLocation).toList();
    }
}
