package io.pcmsim.backend.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.pcmsim.backend.Backend;
import io.pcmsim.backend.VehicleStatus;
import io.pcmsim.backend.smartservice.SmartService;
import io.pcmsim.protocol.InvalidVinException;
import io.pcmsim.protocol.Vin;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A vehicle's data for its owner and for dealers: {@code GET /api/v1/owner/vehicles/{vin}} (settings,
 * newest state, needs with their lifecycle, preferred dealer, appointments and the contract: owner,
 * connectivity package, entitled now) and {@code GET /api/v1/dealer/vehicles/{vin}} (the Smart Service data:
 * newest state and needs with their lifecycle; breakdown data joins it only with the dealer consent of a call).
 */
final class VehicleRoutes {

    private final Backend backend;
    private final Clock clock;
    private final Function<Vin, Object> breakdownForDealer;

    /** @param breakdownForDealer the breakdown data a dealer may see of a VIN (only with dealer consent) */
    VehicleRoutes(Backend backend, Function<Vin, Object> breakdownForDealer) {
        this.backend = backend;
        this.clock = backend.config().clock();
        this.breakdownForDealer = breakdownForDealer;
    }

    void register(RoutesConfig routes) {
        routes.get(ApiRole.OWNER.prefix() + "/vehicles/{vin}", this::owner, ApiRole.OWNER);
        routes.get(ApiRole.DEALER.prefix() + "/vehicles/{vin}", this::dealer, ApiRole.DEALER);
    }

    private void owner(Context ctx) {
        VehicleStatus status = status(ctx);
        Map<String, Object> json = JsonViews.vehicle(status);
        SmartService smartService = backend.smartService();
        json.put("needs", SmartServiceViews.needs(smartService.needs(status.vin())));
        json.put("preferredDealer", smartService.preferredDealer(status.vin()).orElse(null));
        json.put("appointments", SmartServiceViews.appointments(smartService.appointments(status.vin())));
        json.put("contract", JsonViews.contract(backend.identity().contract(status.vin()), clock.instant()));
        ctx.json(json);
    }

    private void dealer(Context ctx) {
        VehicleStatus status = status(ctx);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("vin", status.vin().value());
        json.put("smartService", status.smartService().map(JsonViews::smartService).orElse(null));
        json.put("needs", SmartServiceViews.needs(backend.smartService().needs(status.vin())));
        json.put("breakdownCalls", breakdownForDealer.apply(status.vin()));
        ctx.json(json);
    }

    private VehicleStatus status(Context ctx) {
        Vin vin = vin(ctx.pathParam("vin"));
        return backend.vehicleStatus(vin).orElseThrow(() -> ApiException.notFound("vehicle-not-found",
                "no data is stored for vehicle " + vin.value()));
    }

    static Vin vin(String text) {
        try {
            return Vin.of(text);
        } catch (InvalidVinException e) {
            throw ApiException.badRequest("invalid-vin", e.getMessage());
        }
    }
}
