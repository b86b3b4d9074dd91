package io.pcmsim.backend.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.pcmsim.backend.dealer.Dealer;
import io.pcmsim.backend.dealer.DealerDirectory;
import io.pcmsim.backend.dealer.GeoPosition;
import java.util.List;

/**
 * {@code GET /api/v1/dealers}: the dealer directory, or with {@code ?near=LAT,LON[&limit=N]} the dealers
 * nearest to a position, nearest first, each with its distance. Public: the directory is what a dealer
 * locator shows anyone.
 */
final class DealerRoutes {

    static final int DEFAULT_LIMIT = 5;
    static final int MAX_LIMIT = 100;

    private final DealerDirectory directory;

    DealerRoutes(DealerDirectory directory) {
        this.directory = directory;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/dealers", this::dealers, ApiRole.PUBLIC);
    }

    private void dealers(Context ctx) {
        String near = ctx.queryParam("near");
        if (near == null) {
            if (ctx.queryParam("limit") != null) {
                throw ApiException.badRequest("invalid-query", "limit needs near=LAT,LON");
            }
            ctx.json(JsonViews.dealers(directory.all()));
            return;
        }
        GeoPosition position = position(near);
        int limit = QueryParams.limit(ctx.queryParam("limit"), DEFAULT_LIMIT, MAX_LIMIT);
        List<Dealer> nearest = directory.nearest(position, limit);
        ctx.json(nearest.stream().map(d -> JsonViews.dealer(d, d.position().distanceKm(position))).toList());
    }

    private static GeoPosition position(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 2) {
            throw ApiException.badRequest("invalid-query", "near must be LAT,LON in degrees, e.g. near=48.78,9.18; was "
                    + text);
        }
        try {
            return new GeoPosition(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid-query", "near must be LAT,LON in degrees, e.g. near=48.78,9.18; was "
                    + text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid-query", "near: " + e.getMessage());
        }
    }
}
