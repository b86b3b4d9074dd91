package io.pcmsim.backend.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.pcmsim.backend.softwareupdate.Campaign;
import io.pcmsim.backend.softwareupdate.CampaignProgress;
import io.pcmsim.backend.softwareupdate.CampaignRequest;
import io.pcmsim.backend.softwareupdate.Release;
import io.pcmsim.backend.softwareupdate.ReleaseRequest;
import io.pcmsim.backend.softwareupdate.SoftwareUpdates;
import io.pcmsim.backend.softwareupdate.WaveProgress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Online software update for the operator: releases ({@code /api/v1/operator/software-releases}), campaigns
 * with their progress, halt and resume ({@code /api/v1/operator/update-campaigns}); and the release public key
 * cars trust ({@code GET /api/v1/software-update/release-key}, PEM, public).
 */
final class SoftwareUpdateRoutes {

    /** Default package size of a release, 1 MiB. */
    static final int DEFAULT_SIZE = 1024 * 1024;

    private final SoftwareUpdates updates;

    SoftwareUpdateRoutes(SoftwareUpdates updates) {
        this.updates = updates;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/software-update/release-key", ctx -> ctx.contentType("application/x-pem-file")
                .result(updates.releasePublicKeyPem()), ApiRole.PUBLIC);
        String releases = ApiRole.OPERATOR.prefix() + "/software-releases";
        routes.post(releases, this::createRelease, ApiRole.OPERATOR);
        routes.get(releases, ctx -> ctx.json(updates.releases().stream().map(SoftwareUpdateRoutes::release).toList()),
                ApiRole.OPERATOR);
        String campaigns = ApiRole.OPERATOR.prefix() + "/update-campaigns";
        routes.post(campaigns, this::createCampaign, ApiRole.OPERATOR);
        routes.get(campaigns, ctx -> ctx.json(updates.campaigns().stream().map(SoftwareUpdateRoutes::campaign).toList()),
                ApiRole.OPERATOR);
        routes.get(campaigns + "/{id}", ctx -> ctx.json(progress(updates.progress(ctx.pathParam("id"))
                .orElseThrow(() -> notFound(ctx.pathParam("id"))))), ApiRole.OPERATOR);
        routes.post(campaigns + "/{id}/halt", ctx -> {
            String reason = JsonBody.parse(ctx.body(), true, "reason").text("reason").orElse("halted by the operator");
            ctx.json(campaign(known(ctx, () -> updates.halt(ctx.pathParam("id"), reason))));
        }, ApiRole.OPERATOR);
        routes.post(campaigns + "/{id}/resume", ctx -> ctx.json(campaign(known(ctx,
                () -> updates.resume(ctx.pathParam("id"))))), ApiRole.OPERATOR);
    }

    private void createRelease(Context ctx) {
        JsonBody body = JsonBody.parse(ctx.body(), false, "modelCode", "target", "sizeBytes", "chunkSize");
        ReleaseRequest request = valid(() -> new ReleaseRequest(body.requiredText("modelCode"), body.strings("target"),
                body.integer("sizeBytes").orElse(DEFAULT_SIZE), body.integer("chunkSize")
                .orElse(ReleaseRequest.DEFAULT_CHUNK_SIZE)));
        ctx.status(201).json(release(updates.createRelease(request)));
    }

    private void createCampaign(Context ctx) {
        JsonBody body = JsonBody.parse(ctx.body(), false, "releaseId", "fromVersions", "waveSizes",
                "failureThreshold", "minResults");
        CampaignRequest request = valid(() -> new CampaignRequest(body.requiredText("releaseId"),
                body.strings("fromVersions"), body.integers("waveSizes").orElse(List.of(Integer.MAX_VALUE)),
                body.decimal("failureThreshold").orElse(0.2), body.integer("minResults").orElse(5)));
        if (updates.releases().stream().noneMatch(r -> r.releaseId().equals(request.releaseId()))) {
            throw ApiException.notFound("release-not-found", "no release has the id " + request.releaseId());
        }
        ctx.status(201).json(campaign(updates.createCampaign(request)));
    }

    private static <T> T valid(Supplier<T> request) {
        try {
            return request.get();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid-body", e.getMessage());
        }
    }

    private static <T> T known(Context ctx, Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException e) {
            throw notFound(ctx.pathParam("id"));
        }
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("campaign-not-found", "no campaign has the id " + id);
    }

    static Map<String, Object> release(Release r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("releaseId", r.releaseId());
        json.put("modelCode", r.modelCode());
        json.put("target", r.target());
        json.put("sizeBytes", r.sizeBytes());
        json.put("chunkSize", r.chunkSize());
        json.put("chunkCount", r.chunkCount());
        json.put("sha256", r.sha256());
        json.put("signature", r.signature());
        json.put("createdAt", r.createdAt().toString());
        return json;
    }

    static Map<String, Object> campaign(Campaign c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("campaignId", c.campaignId());
        json.put("releaseId", c.releaseId());
        json.put("modelCode", c.modelCode());
        json.put("fromVersions", c.fromVersions());
        json.put("waveSizes", c.waveSizes());
        json.put("failureThreshold", c.failureThreshold());
        json.put("minResults", c.minResults());
        json.put("state", c.state().name());
        json.put("currentWave", c.currentWave());
        json.put("haltReason", c.haltReason().orElse(null));
        json.put("createdAt", c.createdAt().toString());
        return json;
    }

    static Map<String, Object> progress(CampaignProgress p) {
        Map<String, Object> json = campaign(p.campaign());
        json.put("waves", p.waves().stream().map(SoftwareUpdateRoutes::wave).toList());
        return json;
    }

    private static Map<String, Object> wave(WaveProgress w) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("wave", w.wave());
        json.put("size", w.size());
        json.put("offered", w.offered());
        json.put("accepted", w.accepted());
        json.put("installed", w.installed());
        json.put("failed", w.failed());
        json.put("declined", w.declined());
        json.put("deferred", w.deferred());
        return json;
    }
}
