package io.pcmsim.backend.internal.softwareupdate;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Component versions in one column: {@code PCM=PCM6.3.0;GATEWAY=GW3.9}, in component order. */
final class VersionPairs {

    private VersionPairs() {
    }

    static String write(Map<String, String> versions) {
        return new TreeMap<>(versions).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
    }

    static Map<String, String> read(String text) {
        Map<String, String> versions = new TreeMap<>();
        if (!text.isEmpty()) {
            for (String pair : text.split(";")) {
                int eq = pair.indexOf('=');
                versions.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return versions;
    }
}
