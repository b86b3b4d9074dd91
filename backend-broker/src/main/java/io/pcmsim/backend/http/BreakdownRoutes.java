package io.pcmsim.backend.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.pcmsim.backend.Backend;
import io.pcmsim.backend.breakdown.BreakdownCase;
import io.pcmsim.backend.breakdown.Consents;
import io.pcmsim.backend.dealer.DealerDirectory;
import io.pcmsim.protocol.Vin;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The breakdown call over HTTP: the owner places a call in the app and follows it
 * ({@code POST/GET /api/v1/owner/vehicles/{vin}/breakdown-calls[/{caseId}]}); the Assistance reads the cases
 * ({@code GET /api/v1/assistance/cases[/{id}]}), with the report only where its consent was given.
 */
final class BreakdownRoutes {

    /** Most cases the Assistance's list shows, newest first. */
    static final int LIST_LIMIT = 100;
    private static final long PLACE_TIMEOUT_SECONDS = 30;

    private final Backend backend;
    private final BreakdownJson json;

    BreakdownRoutes(Backend backend, DealerDirectory dealers) {
        this.backend = backend;
        this.json = new BreakdownJson(dealers);
    }

    void register(RoutesConfig routes) {
        String calls = ApiRole.OWNER.prefix() + "/vehicles/{vin}/breakdown-calls";
        routes.post(calls, this::place, ApiRole.OWNER);
        routes.get(calls + "/{caseId}", this::ownerCase, ApiRole.OWNER);
        routes.get(ApiRole.ASSISTANCE.prefix() + "/cases", this::assistanceCases, ApiRole.ASSISTANCE);
        routes.get(ApiRole.ASSISTANCE.prefix() + "/cases/{id}", this::assistanceCase, ApiRole.ASSISTANCE);
    }

    private void place(Context ctx) throws InterruptedException {
        Vin vin = VehicleRoutes.vin(ctx.pathParam("vin"));
        Consents consents = consents(ctx.body());
        if (backend.storedMessages(vin) == 0) {
            throw ApiException.notFound("vehicle-not-found", "no data is stored for vehicle " + vin.value());
        }
        BreakdownCase placed;
        try {
            placed = backend.breakdown().placeAppCall(vin, consents).get(PLACE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the breakdown call could not be placed: " + e.getMessage(), e);
        }
        ctx.status(202).json(json.forOwner(placed));
    }

    private void ownerCase(Context ctx) {
        Vin vin = VehicleRoutes.vin(ctx.pathParam("vin"));
        String caseId = ctx.pathParam("caseId");
        BreakdownCase found = backend.breakdown().find(caseId).filter(c -> c.vin().equals(vin))
                .orElseThrow(() -> caseNotFound(caseId, " of vehicle " + vin.value()));
        ctx.json(json.forOwner(found));
    }

    private void assistanceCases(Context ctx) {
        ctx.json(backend.breakdown().recent(LIST_LIMIT).stream().map(json::forAssistance).toList());
    }

    private void assistanceCase(Context ctx) {
        String caseId = ctx.pathParam("id");
        ctx.json(json.forAssistance(backend.breakdown().find(caseId).orElseThrow(() -> caseNotFound(caseId, ""))));
    }

    /** The dealer's breakdown data of {@code vin}: cases with the dealer consent only. */
    Object forDealer(Vin vin) {
        return json.dealerCases(backend.breakdown().ofVehicle(vin));
    }

    private static ApiException caseNotFound(String caseId, String of) {
        return ApiException.notFound("case-not-found", "no breakdown case " + caseId + of);
    }

    /** The consents of an optional body {@code {"assistance": bool, "dealer": bool}}; none when empty. */
    static Consents consents(String body) {
        JsonBody json = JsonBody.parse(body, true, "assistance", "dealer");
        return new Consents(json.bool("assistance", false), json.bool("dealer", false));
    }
}
