package io.pcmsim.backend.http;

import io.pcmsim.backend.smartservice.Appointment;
import io.pcmsim.backend.smartservice.CollectionConfigs;
import io.pcmsim.backend.smartservice.NeedEvent;
import io.pcmsim.backend.smartservice.SentConfig;
import io.pcmsim.backend.smartservice.TrackedNeed;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of Smart Service's needs, appointments and collection configs; see {@link JsonViews}. */
final class SmartServiceViews {

    private SmartServiceViews() {
    }

    static List<Map<String, Object>> needs(List<TrackedNeed> needs) {
        return needs.stream().map(SmartServiceViews::need).toList();
    }

    static Map<String, Object> need(TrackedNeed n) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", n.needId());
        json.put("component", n.component().name());
        json.put("state", n.state().name());
        json.put("severity", n.severity().name());
        json.put("dueKm", n.dueKm().isPresent() ? n.dueKm().getAsDouble() : null);
        json.put("dueDate", n.dueDate().map(Object::toString).orElse(null));
        json.put("reason", n.reason());
        json.put("openedAt", n.openedAt().toString());
        json.put("updatedAt", n.updatedAt().toString());
        json.put("resolvedAt", text(n.resolvedAt()));
        json.put("appointmentId", n.appointmentId().orElse(null));
        json.put("history", n.history().stream().map(SmartServiceViews::event).toList());
        return json;
    }

    private static Map<String, Object> event(NeedEvent e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("state", e.state().name());
        json.put("at", e.at().toString());
        json.put("vehicleTime", text(e.vehicleTime()));
        json.put("note", e.note());
        return json;
    }

    static List<Map<String, Object>> appointments(List<Appointment> appointments) {
        return appointments.stream().map(SmartServiceViews::appointment).toList();
    }

    static Map<String, Object> appointment(Appointment a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", a.appointmentId());
        json.put("vin", a.vin().value());
        json.put("dealerId", a.dealerId().orElse(null));
        json.put("origin", a.origin().name());
        json.put("state", a.state().name());
        json.put("needIds", a.needIds());
        json.put("preferredDate", a.preferredDate().map(Object::toString).orElse(null));
        json.put("navigate", a.navigate());
        json.put("navigation", a.navigation().name());
        json.put("requestedAt", a.requestedAt().toString());
        json.put("bookedAt", text(a.bookedAt()));
        json.put("bookedFor", text(a.bookedFor()));
        json.put("note", a.note().isEmpty() ? null : a.note());
        return json;
    }

    static Map<String, Object> collectionConfigs(String vin, CollectionConfigs configs) {
        Map<String, Object> applied = new LinkedHashMap<>();
        applied.put("configId", configs.lastApplied().orElse(null));
        applied.put("intervalSeconds", configs.appliedIntervalSeconds().isPresent()
                ? configs.appliedIntervalSeconds().getAsInt() : null);
        applied.put("thresholds", new TreeMap<>(configs.appliedThresholds()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("vin", vin);
        json.put("applied", applied);
        json.put("sent", configs.sent().stream().map(SmartServiceViews::sent).toList());
        return json;
    }

    private static Map<String, Object> sent(SentConfig c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("configId", c.configId());
        json.put("state", c.state().name());
        json.put("intervalSeconds", c.settings().intervalSeconds().isPresent()
                ? c.settings().intervalSeconds().getAsInt() : null);
        json.put("thresholds", c.settings().sortedThresholds());
        json.put("sentAt", c.sentAt().toString());
        json.put("appliedAt", text(c.appliedAt()));
        return json;
    }

    private static @Nullable String text(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }
}
