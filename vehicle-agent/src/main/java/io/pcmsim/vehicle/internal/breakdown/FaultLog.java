package io.pcmsim.vehicle.internal.breakdown;

import java.util.List;
import java.util.Map;

/**
 * The car's fault memory as a breakdown report carries it: each stored trouble code in SAE J2012 form,
 * followed by the car's own short text where it has one ({@code "P0301 cylinder 1 misfire"}), else the
 * code alone. Entries are cut to the protocol's 64 characters.
 */
final class FaultLog {

    private static final int MAX_CHARS = 64;
    private static final Map<String, String> TEXTS = Map.ofEntries(
            Map.entry("P0128", "coolant temperature below thermostat regulating"),
            Map.entry("P0171", "system too lean bank 1"),
            Map.entry("P0300", "random misfire detected"),
            Map.entry("P0301", "cylinder 1 misfire"),
            Map.entry("P0302", "cylinder 2 misfire"),
            Map.entry("P0420", "catalyst efficiency below threshold bank 1"),
            Map.entry("P0562", "system voltage low"),
            Map.entry("C0750", "tire pressure sensor fault"),
            Map.entry("U0100", "lost communication with ECM/PCM A"));

    private FaultLog() {
    }

    /** The entries for {@code codes}, in their order. */
    static List<String> entries(List<String> codes) {
        return codes.stream().map(FaultLog::entry).toList();
    }

    static String entry(String code) {
        String text = TEXTS.get(code);
        String entry = text == null ? code : code + " " + text;
        return entry.length() <= MAX_CHARS ? entry : entry.substring(0, MAX_CHARS);
    }
}
