package io.pcmsim.backend.http;

import io.pcmsim.backend.breakdown.BreakdownCase;
import io.pcmsim.backend.breakdown.BreakdownData;
import io.pcmsim.backend.breakdown.CarLocation;
import io.pcmsim.backend.breakdown.Diagnosis;
import io.pcmsim.backend.breakdown.Forwarding;
import io.pcmsim.backend.dealer.DealerDirectory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON shapes of breakdown cases, one per audience. The report appears only in the Assistance's and
 * the dealer's views and only through {@link BreakdownCase#forAssistance()} and
 * {@link BreakdownCase#forDealer()}, which withhold it without the consent given in the call.
 */
final class BreakdownJson {

    private final DealerDirectory dealers;

    BreakdownJson(DealerDirectory dealers) {
        this.dealers = dealers;
    }

    /** The owner's view: where the call stands and where its data went; no report. */
    Map<String, Object> forOwner(BreakdownCase c) {
        Map<String, Object> json = common(c);
        Map<String, Object> forwarding = new LinkedHashMap<>();
        forwarding.put("assistance", forwarding(c.assistance()));
        forwarding.put("dealer", forwarding(c.dealer()));
        json.put("forwarding", forwarding);
        json.put("dealer", dealer(c));
        return json;
    }

    /** The Assistance's view: the report only with the Assistance consent, else why it is withheld. */
    Map<String, Object> forAssistance(BreakdownCase c) {
        Map<String, Object> json = common(c);
        Optional<BreakdownData> data = c.forAssistance();
        json.put("data", data.map(BreakdownJson::data).orElse(null));
        json.put("withheld", data.isPresent() ? null : c.assistance().reason());
        return json;
    }

    /** A dealer's view of one case; only for cases with the dealer consent (see {@link #dealerCases}). */
    List<Map<String, Object>> dealerCases(List<BreakdownCase> cases) {
        return cases.stream().filter(c -> c.forDealer().isPresent()).map(c -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("caseId", c.caseId());
            json.put("openedAt", c.openedAt().toString());
            json.put("trigger", c.trigger().name());
            json.put("dealer", dealer(c));
            json.put("data", data(c.forDealer().orElseThrow()));
            return json;
        }).toList();
    }

    private static Map<String, Object> common(BreakdownCase c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("caseId", c.caseId());
        json.put("vin", c.vin().value());
        json.put("callId", c.callId());
        json.put("trigger", c.trigger().name());
        json.put("openedAt", c.openedAt().toString());
        json.put("state", c.state().name());
        json.put("stateReason", c.stateReason().orElse(null));
        Map<String, Object> consents = new LinkedHashMap<>();
        consents.put("assistance", c.consents().assistance());
        consents.put("dealer", c.consents().dealer());
        json.put("consents", consents);
        return json;
    }

    private static Map<String, Object> forwarding(Forwarding f) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", f.name());
        json.put("forwarded", f.forwarded());
        json.put("reason", f.reason());
        return json;
    }

    private Object dealer(BreakdownCase c) {
        return c.dealerId().flatMap(dealers::byId).<Object>map(d -> JsonViews.dealer(d, null))
                .orElse(c.dealerId().orElse(null));
    }

    private static Map<String, Object> data(BreakdownData d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("receivedAt", d.receivedAt().toString());
        json.put("vehicleTime", d.vehicleTime().toString());
        json.put("modelCode", d.modelCode().isEmpty() ? null : d.modelCode());
        json.put("faultLog", d.faultLog());
        json.put("location", d.location().map(BreakdownJson::location).orElse(null));
        json.put("recentTrack", d.recentTrack().stream().map(p -> {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("latitude", p.latitude());
            point.put("longitude", p.longitude());
            point.put("time", p.time().toString());
            return point;
        }).toList());
        json.put("state", JsonViews.state(d.state()));
        json.put("liveDiagnosis", d.liveDiagnosis().map(BreakdownJson::diagnosis).orElse(null));
        return json;
    }

    private static Map<String, Object> location(CarLocation l) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("latitude", l.latitude());
        json.put("longitude", l.longitude());
        json.put("headingDeg", l.headingDeg());
        json.put("speedKmh", l.speedKmh());
        json.put("horizontalAccuracyM", l.horizontalAccuracyM());
        json.put("fixTime", l.fixTime().toString());
        return json;
    }

    private static Map<String, Object> diagnosis(Diagnosis d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("severity", d.severity().name());
        json.put("drivable", d.drivable());
        json.put("recommendedActions", d.recommendedActions());
        json.put("faults", d.faults().stream().map(f -> {
            Map<String, Object> fault = new LinkedHashMap<>();
            fault.put("entry", f.entry());
            fault.put("code", f.code().orElse(null));
            fault.put("title", f.title().orElse(null));
            fault.put("system", f.system().orElse(null));
            fault.put("severity", f.severity().map(Enum::name).orElse(null));
            return fault;
        }).toList());
        return json;
    }
}
