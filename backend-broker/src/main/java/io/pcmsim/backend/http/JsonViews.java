package io.pcmsim.backend.http;

import io.pcmsim.backend.MaintenanceNeed;
import io.pcmsim.backend.ReportedSettings;
import io.pcmsim.backend.SmartServiceState;
import io.pcmsim.backend.VehicleStatus;
import io.pcmsim.backend.dealer.Dealer;
import io.pcmsim.backend.identity.VehicleContract;
import io.pcmsim.protocol.MoreReadings;
import io.pcmsim.protocol.ReportedState;
import io.pcmsim.protocol.WheelReadings;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * The API's JSON shapes, built explicitly so that the wire format is stated here and does not change when
 * a Java type does. Absent readings are {@code null}, never 0.
 */
final class JsonViews {

    private JsonViews() {
    }

    static Map<String, Object> vehicle(VehicleStatus v) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("vin", v.vin().value());
        json.put("firstSeen", v.firstSeen().toString());
        json.put("lastSeen", v.lastSeen().toString());
        json.put("storedMessages", v.storedMessages());
        json.put("settings", v.settings().map(JsonViews::settings).orElse(null));
        json.put("smartService", v.smartService().map(JsonViews::smartService).orElse(null));
        json.put("needs", v.needs().stream().map(JsonViews::need).toList());
        return json;
    }

    static Map<String, Object> contract(VehicleContract c, Instant now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("owner", c.owner().map(o -> {
            Map<String, Object> owner = new LinkedHashMap<>();
            owner.put("userId", o.userId());
            owner.put("name", o.name());
            owner.put("autoEnrolled", o.autoEnrolled());
            return owner;
        }).orElse(null));
        json.put("connectivityPackage", c.connectivity().map(p -> {
            Map<String, Object> pack = new LinkedHashMap<>();
            pack.put("name", p.name());
            pack.put("validFrom", p.validFrom().toString());
            pack.put("validUntil", p.validUntil().toString());
            return pack;
        }).orElse(null));
        json.put("entitled", c.entitledAt(now));
        return json;
    }

    static Map<String, Object> settings(ReportedSettings s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bootId", s.bootId());
        json.put("sequence", s.sequence());
        json.put("privacyMode", s.privacyMode());
        Map<String, Object> groups = new LinkedHashMap<>();
        groups.put("withLocation", s.withLocationEnabled());
        groups.put("withoutLocation", s.withoutLocationEnabled());
        json.put("serviceGroups", groups);
        json.put("disabledServices", s.disabledServices());
        Map<String, Object> capabilities = new LinkedHashMap<>();
        capabilities.put("liveDiagnosis", s.liveDiagnosis());
        capabilities.put("onlineSoftwareUpdate", s.onlineSoftwareUpdate());
        capabilities.put("onlineMapUpdate", s.onlineMapUpdate());
        json.put("capabilities", capabilities);
        return json;
    }

    static Map<String, Object> smartService(SmartServiceState s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("vehicleTime", s.vehicleTime().toString());
        json.put("bootId", s.bootId());
        json.put("sequence", s.sequence());
        json.put("modelCode", s.modelCode().orElse(null));
        json.put("modelYear", s.modelYear().isPresent() ? s.modelYear().getAsInt() : null);
        json.put("powertrain", s.powertrain().orElse(null));
        json.put("state", state(s.state()));
        return json;
    }

    static Map<String, Object> state(ReportedState s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("odometerKm", number(s.odometerKm()));
        json.put("operatingHours", number(s.operatingHours()));
        json.put("engineOilLifePercent", number(s.engineOilLifePercent()));
        json.put("brakePadWearPercent", wheels(s.brakePadWearPercent()));
        json.put("lowVoltageBatteryVolts", number(s.lowVoltageBatteryVolts()));
        json.put("tirePressureKpa", wheels(s.tirePressureKpa()));
        json.put("tirePressureNominalKpa", number(s.tirePressureNominalKpa()));
        json.put("distanceToServiceKm", number(s.distanceToServiceKm()));
        json.put("timeToServiceDays", s.timeToService().map(d -> d.toSeconds() / 86_400.0).orElse(null));
        json.put("troubleCodes", s.dtcs());
        MoreReadings m = s.more();
        json.put("engineOilLevelPercent", number(m.engineOilLevelPercent()));
        json.put("brakeFluidAgeDays", number(m.brakeFluidAgeDays()));
        json.put("lowVoltageBatteryChargePercent", number(m.lowVoltageBatteryChargePercent()));
        json.put("lowVoltageBatteryHealthPercent", number(m.lowVoltageBatteryHealthPercent()));
        json.put("highVoltageBatteryChargePercent", number(m.highVoltageBatteryChargePercent()));
        json.put("highVoltageBatteryHealthPercent", number(m.highVoltageBatteryHealthPercent()));
        json.put("washerFluidPercent", number(m.washerFluidPercent()));
        json.put("warnings", m.warnings());
        return json;
    }

    static Map<String, Object> need(MaintenanceNeed n) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("component", n.component().name());
        json.put("severity", n.severity().name());
        json.put("dueKm", number(n.dueKm()));
        json.put("dueDate", n.dueDate().map(Object::toString).orElse(null));
        json.put("reason", n.reason());
        return json;
    }

    static Map<String, Object> dealer(Dealer d, @Nullable Double distanceKm) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", d.id());
        json.put("name", d.name());
        json.put("street", d.street());
        json.put("city", d.city());
        json.put("country", d.country());
        json.put("latitude", d.position().latitude());
        json.put("longitude", d.position().longitude());
        json.put("phone", d.phone());
        if (distanceKm != null) {
            json.put("distanceKm", Math.round(distanceKm * 10) / 10.0);
        }
        return json;
    }

    private static Map<String, Object> wheels(WheelReadings w) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("frontLeft", number(w.frontLeft()));
        json.put("frontRight", number(w.frontRight()));
        json.put("rearLeft", number(w.rearLeft()));
        json.put("rearRight", number(w.rearRight()));
        return json;
    }

    private static @Nullable Double number(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    static List<Map<String, Object>> dealers(List<Dealer> dealers) {
        return dealers.stream().map(d -> dealer(d, null)).toList();
    }
}
