package io.pcmsim.backend.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.pcmsim.backend.retention.ClassDeletion;
import io.pcmsim.backend.retention.Retention;
import io.pcmsim.backend.retention.RetentionClass;
import io.pcmsim.backend.retention.RetentionRun;
import io.pcmsim.backend.retention.RetentionTrigger;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's retention routes: {@code POST /api/v1/operator/retention-runs} runs the retention job now (as of
 * the backend's clock, or of {@code {"asOf": "..."}}) and answers the run's record; {@code GET} lists the runs,
 * newest first, or one by id; {@code GET /api/v1/operator/retention-classes} lists the data classes with their
 * periods and reasons.
 */
final class RetentionRoutes {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1_000;
    private static final String RUNS = ApiRole.OPERATOR.prefix() + "/retention-runs";

    private final Retention retention;
    private final Clock clock;

    RetentionRoutes(Retention retention, Clock clock) {
        this.retention = retention;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.post(RUNS, this::runNow, ApiRole.OPERATOR);
        routes.get(RUNS, this::list, ApiRole.OPERATOR);
        routes.get(RUNS + "/{id}", this::one, ApiRole.OPERATOR);
        routes.get(ApiRole.OPERATOR.prefix() + "/retention-classes", this::classes, ApiRole.OPERATOR);
    }

    private void runNow(Context ctx) {
        Instant asOf = asOf(ctx.body());
        RetentionRun run = retention.run(asOf, RetentionTrigger.API);
        if (run.outcome() == RetentionRun.Outcome.FAILED) {
            throw new ApiException(500, "retention-run-failed", "retention run " + run.id() + " failed: "
                    + run.error().orElse("") + "; GET " + RUNS + "/" + run.id() + " shows what it deleted");
        }
        ctx.status(201).header("Location", RUNS + "/" + run.id()).json(view(run));
    }

    /** The body's {@code asOf}, or the backend's clock for an empty body or one without it. */
    private Instant asOf(String body) {
        Optional<String> asOf = JsonBody.parse(body, true, "asOf").text("asOf");
        if (asOf.isEmpty()) {
            return clock.instant();
        }
        try {
            return Retention.asOf(asOf.get());
        } catch (IllegalArgumentException e) {
            throw JsonBody.invalid("asOf", e.getMessage());
        }
    }

    private void list(Context ctx) {
        int limit = QueryParams.limit(ctx.queryParam("limit"), DEFAULT_LIMIT, MAX_LIMIT);
        ctx.json(retention.runs(limit).stream().map(RetentionRoutes::view).toList());
    }

    private void one(Context ctx) {
        String text = ctx.pathParam("id");
        long id;
        try {
            id = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid-run-id", "a retention run id is a whole number, was " + text);
        }
        ctx.json(view(retention.run(id).orElseThrow(() -> ApiException.notFound("retention-run-not-found",
                "no retention run " + id))));
    }

    private void classes(Context ctx) {
        ctx.json(retention.classes().stream().map(RetentionRoutes::view).toList());
    }

    static Map<String, Object> view(RetentionRun run) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", run.id());
        json.put("asOf", run.asOf().toString());
        json.put("startedAt", run.startedAt().toString());
        json.put("finishedAt", run.finishedAt().map(Instant::toString).orElse(null));
        json.put("triggeredBy", run.triggeredBy().name());
        json.put("outcome", run.outcome().name());
        json.put("error", run.error().orElse(null));
        json.put("deleted", run.deleted());
        json.put("classes", run.classes().stream().map(RetentionRoutes::view).toList());
        return json;
    }

    private static Map<String, Object> view(ClassDeletion c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dataClass", c.dataClass());
        json.put("keep", c.keep().toString());
        json.put("cutoff", c.cutoff().toString());
        json.put("deleted", c.deleted());
        json.put("deletedByTable", c.byTable());
        json.put("rationale", c.rationale());
        return json;
    }

    private static Map<String, Object> view(RetentionClass c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", c.name());
        json.put("keep", c.keep().toString());
        json.put("rationale", c.rationale());
        json.put("tables", c.tables());
        return json;
    }
}
