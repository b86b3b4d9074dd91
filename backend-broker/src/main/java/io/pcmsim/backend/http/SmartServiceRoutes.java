package io.pcmsim.backend.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.pcmsim.backend.Backend;
import io.pcmsim.backend.smartservice.AppointmentWish;
import io.pcmsim.backend.smartservice.CollectionSettings;
import io.pcmsim.backend.smartservice.SmartService;
import io.pcmsim.backend.smartservice.SmartServiceException;
import io.pcmsim.protocol.Vin;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Smart Service's routes: the owner's preferred dealer and appointment requests, the dealer's appointments and
 * bookings, the operator's collection configs. A refusal of Smart Service ({@link SmartServiceException})
 * answers 400, 404 or 409 by its kind ({@link #status}).
 */
final class SmartServiceRoutes {

    /** Longest wait for the broker to take a collection config. */
    static final long SEND_TIMEOUT_SECONDS = 10;

    private final Backend backend;
    private final SmartService smartService;

    SmartServiceRoutes(Backend backend) {
        this.backend = backend;
        this.smartService = backend.smartService();
    }

    void register(RoutesConfig routes) {
        String owner = ApiRole.OWNER.prefix() + "/vehicles/{vin}";
        routes.put(owner + "/preferred-dealer", this::preferredDealer, ApiRole.OWNER);
        routes.post(owner + "/appointments", this::requestAppointment, ApiRole.OWNER);
        routes.get(ApiRole.DEALER.prefix() + "/dealers/{dealerId}/appointments", this::dealerAppointments,
                ApiRole.DEALER);
        routes.post(ApiRole.DEALER.prefix() + "/appointments/{id}/booking", this::book, ApiRole.DEALER);
        String operator = ApiRole.OPERATOR.prefix() + "/vehicles/{vin}/collection-config";
        routes.put(operator, this::sendCollectionConfig, ApiRole.OPERATOR);
        routes.get(operator, this::collectionConfigs, ApiRole.OPERATOR);
    }

    static int status(SmartServiceException.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
        };
    }

    private void preferredDealer(Context ctx) {
        Vin vin = knownVin(ctx);
        String dealerId = JsonBody.parse(ctx.body(), false, "dealerId").requiredText("dealerId");
        smartService.setPreferredDealer(vin, dealerId);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("vin", vin.value());
        json.put("preferredDealer", JsonViews.dealer(smartService.dealers().byId(dealerId).orElseThrow(), null));
        ctx.json(json);
    }

    private void requestAppointment(Context ctx) {
        Vin vin = knownVin(ctx);
        JsonBody body = JsonBody.parse(ctx.body(), true, "dealerId", "needIds", "preferredDate", "navigate");
        Optional<LocalDate> date = body.text("preferredDate").map(text -> {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw JsonBody.invalid("preferredDate", "must be an ISO date like 2026-12-03, was " + text);
            }
        });
        AppointmentWish wish = new AppointmentWish(body.text("dealerId"), body.texts("needIds"), date,
                body.bool("navigate", false));
        ctx.status(201).json(SmartServiceViews.appointment(smartService.requestAppointment(vin, wish)));
    }

    private void dealerAppointments(Context ctx) {
        ctx.json(SmartServiceViews.appointments(smartService.dealerAppointments(ctx.pathParam("dealerId"))));
    }

    private void book(Context ctx) {
        String text = JsonBody.parse(ctx.body(), false, "at").requiredText("at");
        Instant at;
        try {
            at = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw JsonBody.invalid("at", "must be an ISO instant like 2026-12-03T08:00:00Z, was " + text);
        }
        ctx.json(SmartServiceViews.appointment(smartService.book(ctx.pathParam("id"), at)));
    }

    private void sendCollectionConfig(Context ctx) throws InterruptedException {
        Vin vin = knownVin(ctx);
        JsonBody body = JsonBody.parse(ctx.body(), false, "intervalSeconds", "thresholds");
        CollectionSettings settings = new CollectionSettings(body.integer("intervalSeconds"), body.numbers("thresholds"));
        String configId;
        try {
            configId = smartService.sendCollectionConfig(vin, settings).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new ApiException(503, "downlink-failed", "the config could not be sent to " + vin.value() + ": "
                    + (e.getCause() == null ? "no answer from the broker" : e.getCause().getMessage()));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("configId", configId);
        json.put("state", "PENDING");
        ctx.status(202).json(json);
    }

    private void collectionConfigs(Context ctx) {
        Vin vin = knownVin(ctx);
        ctx.json(SmartServiceViews.collectionConfigs(vin.value(), smartService.collectionConfigs(vin)));
    }

    /** The path's VIN, when the backend stored a message of it; 400 or 404 otherwise. */
    private Vin knownVin(Context ctx) {
        Vin vin = VehicleRoutes.vin(ctx.pathParam("vin"));
        if (backend.storedMessages(vin) == 0) {
            throw ApiException.notFound("vehicle-not-found", "no data is stored for vehicle " + vin.value());
        }
        return vin;
    }
}
