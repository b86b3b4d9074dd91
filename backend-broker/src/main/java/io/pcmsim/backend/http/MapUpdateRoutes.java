package io.pcmsim.backend.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.pcmsim.backend.mapprovider.MapRelease;
import io.pcmsim.backend.mapupdate.DocumentedTransfer;
import io.pcmsim.backend.mapupdate.MapUpdates;
import io.pcmsim.protocol.AnonymousMapKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Map update for operators: the map provider's catalogue ({@code GET/POST /api/v1/operator/map-versions}), the
 * transfers documented by key ({@code GET /api/v1/operator/map-transfers[?key=]}), the counts
 * ({@code GET /api/v1/operator/map-update}) and the revocation of a car's keys
 * ({@code DELETE /api/v1/operator/vehicles/{vin}/map-keys}).
 */
final class MapUpdateRoutes {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MapUpdates maps;

    MapUpdateRoutes(MapUpdates maps) {
        this.maps = maps;
    }

    void register(RoutesConfig routes) {
        String prefix = ApiRole.OPERATOR.prefix();
        routes.get(prefix + "/map-versions", this::versions, ApiRole.OPERATOR);
        routes.post(prefix + "/map-versions", this::publish, ApiRole.OPERATOR);
        routes.get(prefix + "/map-transfers", this::transfers, ApiRole.OPERATOR);
        routes.get(prefix + "/map-update", ctx -> ctx.json(maps.counts()), ApiRole.OPERATOR);
        routes.delete(prefix + "/vehicles/{vin}/map-keys", this::revoke, ApiRole.OPERATOR);
    }

    private void versions(Context ctx) {
        ctx.json(maps.catalogue().releases().stream().map(MapUpdateRoutes::view).toList());
    }

    private void publish(Context ctx) {
        JsonNode body = body(ctx.body());
        for (var names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!Set.of("region", "version", "sizeBytes").contains(name)) {
                throw ApiException.badRequest("invalid-body", "unknown field " + name
                        + "; the fields are region, version and sizeBytes");
            }
        }
        if (!body.path("region").isTextual() || !body.path("version").isTextual()
                || !body.path("sizeBytes").canConvertToLong()) {
            throw ApiException.badRequest("invalid-body", "region and version must be strings and sizeBytes a"
                    + " number, e.g. {\"region\": \"EU\", \"version\": \"2028.1\", \"sizeBytes\": 65536}");
        }
        try {
            MapRelease release = maps.catalogue().publish(body.get("region").asText(), body.get("version").asText(),
                    body.get("sizeBytes").asLong());
            ctx.status(201).json(view(release));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid-map-version", e.getMessage());
        }
    }

    private void transfers(Context ctx) {
        String key = ctx.queryParam("key");
        if (key != null) {
            if (!AnonymousMapKey.isValid(key)) {
                throw ApiException.badRequest("invalid-key", "key [" + key + "] must be 32 lower-case hex digits");
            }
            ctx.json(maps.transfers(new AnonymousMapKey(key)).stream().map(MapUpdateRoutes::view).toList());
            return;
        }
        int limit = QueryParams.limit(ctx.queryParam("limit"), DEFAULT_LIMIT, MAX_LIMIT);
        ctx.json(maps.recentTransfers(limit).stream().map(MapUpdateRoutes::view).toList());
    }

    private void revoke(Context ctx) {
        ctx.json(Map.of("revoked", maps.revoke(VehicleRoutes.vin(ctx.pathParam("vin")))));
    }

    private static JsonNode body(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw ApiException.badRequest("invalid-body", "the body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("invalid-body", "the body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static Map<String, Object> view(MapRelease release) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("region", release.region());
        view.put("version", release.version());
        view.put("sizeBytes", release.sizeBytes());
        view.put("publishedAt", release.publishedAt().toString());
        return view;
    }

    private static Map<String, Object> view(DocumentedTransfer transfer) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("key", transfer.anonymousKey());
        view.put("region", transfer.region());
        view.put("version", transfer.version());
        view.put("transferredAt", transfer.transferredAt().toString());
        view.put("recordedAt", transfer.recordedAt().toString());
        return view;
    }
}
