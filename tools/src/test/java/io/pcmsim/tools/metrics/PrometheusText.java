package io.pcmsim.tools.metrics;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text format (version 0.0.4) for tests: every line is a {@code # HELP},
 * a {@code # TYPE} or a sample {@code name{label="value",...} number}, and every sample belongs to a family
 * whose TYPE came before it. Anything else throws, naming the line.
 */
final class PrometheusText {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern SAMPLE = Pattern.compile(
            "(" + NAME + ")(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\",?)*\\})? (\\S+)( \\d+)?");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|summary|histogram|untyped)");
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") .*");

    /** Samples by name with labels exactly as written, e.g. {@code pcmsim_fleet_cars} or {@code x{a="b"}}. */
    private final Map<String, Double> samples;
    private final Map<String, String> types;

    private PrometheusText(Map<String, Double> samples, Map<String, String> types) {
        this.samples = samples;
        this.types = types;
    }

    static PrometheusText parse(String text) {
        Map<String, Double> samples = new LinkedHashMap<>();
        Map<String, String> types = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (String line : text.split("\n")) {
            Matcher type = TYPE.matcher(line);
            Matcher sample = SAMPLE.matcher(line);
            if (type.matches()) {
                if (types.put(type.group(1), type.group(2)) != null) {
                    throw new IllegalArgumentException("TYPE given twice: " + line);
                }
            } else if (HELP.matcher(line).matches() || line.isEmpty() || line.startsWith("# EOF")) {
                continue;
            } else if (sample.matches()) {
                String name = sample.group(1);
                if (types.keySet().stream().noneMatch(family -> name.equals(family) || name.equals(family + "_total")
                        || name.equals(family + "_count") || name.equals(family + "_sum")
                        || name.equals(family + "_bucket") || name.equals(family + "_max"))) {
                    throw new IllegalArgumentException("sample without a TYPE before it: " + line);
                }
                String key = name + (sample.group(2) == null ? "" : sample.group(2));
                if (!seen.add(key)) {
                    throw new IllegalArgumentException("sample given twice: " + line);
                }
                samples.put(key, Double.parseDouble(sample.group(3)));
            } else {
                throw new IllegalArgumentException("not the Prometheus text format: [" + line + "]");
            }
        }
        return new PrometheusText(samples, types);
    }

    /** The value of {@code key} (name and labels as written, labels in alphabetical order), or NaN if absent. */
    double value(String key) {
        return samples.getOrDefault(key, Double.NaN);
    }

    Map<String, Double> samples() {
        return samples;
    }

    /** The TYPE of a family, or null. */
    String type(String family) {
        return types.get(family);
    }
}
