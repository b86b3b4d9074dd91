package io.pcmsim.backend.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.pcmsim.backend.manual.ChapterUse;
import io.pcmsim.backend.manual.ManualChapter;
import io.pcmsim.backend.manual.ManualProfile;
import io.pcmsim.backend.manual.OwnersManual;
import io.pcmsim.backend.manual.UsageStatistics;
import io.pcmsim.protocol.Vin;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The owner's manual's routes: the owner's manual profile, favourites and recently visited chapters of a car,
 * the chapters linked to a message code, and the operator's anonymised usage statistics and counts.
 */
final class ManualRoutes {

    private static final int DEFAULT_RECENT = 10;
    private static final int MAX_RECENT = 100;

    private final OwnersManual manual;

    ManualRoutes(OwnersManual manual) {
        this.manual = manual;
    }

    void register(RoutesConfig routes) {
        String owner = ApiRole.OWNER.prefix() + "/vehicles/{vin}/manual";
        routes.get(owner + "/profile", this::profile, ApiRole.OWNER);
        routes.get(owner + "/favourites", ctx -> ctx.json(uses(manual.favourites(vin(ctx)))), ApiRole.OWNER);
        routes.get(owner + "/recent", ctx -> ctx.json(uses(manual.recent(vin(ctx),
                QueryParams.limit(ctx.queryParam("limit"), DEFAULT_RECENT, MAX_RECENT)))), ApiRole.OWNER);
        routes.get(ApiRole.OWNER.prefix() + "/manual/messages/{code}/chapters",
                ctx -> ctx.json(manual.chapters(ctx.pathParam("code")).stream().map(ManualRoutes::chapter).toList()),
                ApiRole.OWNER);
        routes.get(ApiRole.OPERATOR.prefix() + "/manual/statistics/{month}", this::statistics, ApiRole.OPERATOR);
        routes.get(ApiRole.OPERATOR.prefix() + "/manual/counts", ctx -> ctx.json(manual.counts()), ApiRole.OPERATOR);
    }

    private static Vin vin(Context ctx) {
        return VehicleRoutes.vin(ctx.pathParam("vin"));
    }

    private void profile(Context ctx) {
        Vin vin = vin(ctx);
        ManualProfile profile = manual.profile(vin).orElseThrow(() -> ApiException.notFound("manual-profile-not-found",
                "no manual profile is linked to vehicle " + vin.value()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("vin", vin.value());
        json.put("userId", profile.userId());
        json.put("createdAt", profile.createdAt().toString());
        json.put("lastUsedAt", profile.lastUsedAt().toString());
        ctx.json(json);
    }

    private void statistics(Context ctx) {
        String text = ctx.pathParam("month");
        YearMonth month;
        try {
            month = YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid-month", "month must be a year and month like 2026-06, was " + text);
        }
        UsageStatistics statistics = manual.statistics(month);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("month", month.toString());
        json.put("minimumCount", UsageStatistics.MINIMUM_COUNT);
        json.put("suppressedCells", statistics.suppressedCells());
        json.put("cells", statistics.cells());
        ctx.json(json);
    }

    private static List<Map<String, Object>> uses(List<ChapterUse> uses) {
        return uses.stream().map(u -> {
            Map<String, Object> json = chapter(u.chapter());
            json.put("at", u.at().toString());
            return json;
        }).toList();
    }

    private static Map<String, Object> chapter(ManualChapter chapter) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("chapterId", chapter.chapterId());
        json.put("title", chapter.title());
        json.put("url", chapter.url());
        return json;
    }
}
