package io.pcmsim.tools.scenario;

import io.pcmsim.backend.manual.ManualCounts;
import io.pcmsim.vehicle.manual.ManualCodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The owner's manual in scenario files: the values of its events ({@code manual-message}, {@code manual-chapter})
 * and its expectation {@code manualEvents: {messagesShown: 3, linksServed: {atLeast: 2}}}, each figure exactly a
 * number or within bounds, checked against the backend's counts. Stateless.
 */
final class ManualFigures {

    static final String KIND = "manualEvents";
    private static final Map<String, ToLongFunction<ManualCounts>> FIGURES = figureReaders();

    private ManualFigures() {
    }

    /** Bounds of one figure; at least one is present. */
    record Bounds(Optional<Long> atLeast, Optional<Long> atMost) {

        Bounds scaled(double factor) {
            return new Bounds(atLeast.map(n -> (long) Math.floor(n * factor)),
                    atMost.map(n -> (long) Math.floor(n * factor)));
        }

        boolean holds(long actual) {
            return atLeast.map(min -> actual >= min).orElse(true) && atMost.map(max -> actual <= max).orElse(true);
        }

        String words() {
            if (atLeast.isPresent() && atMost.isPresent()) {
                return atLeast.get().equals(atMost.get()) ? String.valueOf(atLeast.get())
                        : "between " + atLeast.get() + " and " + atMost.get();
            }
            return atLeast.map(min -> "at least " + min).orElseGet(() -> "at most " + atMost.orElseThrow());
        }
    }

    private static Map<String, ToLongFunction<ManualCounts>> figureReaders() {
        Map<String, ToLongFunction<ManualCounts>> f = new LinkedHashMap<>();
        f.put("events", ManualCounts::events);
        f.put("messagesShown", ManualCounts::messagesShown);
        f.put("linksServed", ManualCounts::linksServed);
        f.put("unknownCodes", ManualCounts::unknownCodes);
        f.put("chaptersVisited", ManualCounts::chaptersVisited);
        f.put("favourites", ManualCounts::favourites);
        f.put("profiles", ManualCounts::profiles);
        return f;
    }

    static Optional<Expectation> read(YamlMap map, int line, Problems problems) {
        map.rejectUnknown(FIGURES.keySet());
        if (map.keys().isEmpty()) {
            problems.at(map.node(), map.field("messagesShown"), "give at least one of " + FIGURES.keySet());
            return Optional.empty();
        }
        Map<String, Bounds> figures = new LinkedHashMap<>();
        for (String name : map.keys()) {
            if (!FIGURES.containsKey(name)) {
                continue;
            }
            Node value = map.node(name).orElseThrow();
            if (value instanceof ScalarNode) {
                map.count(name, true, 0, Long.MAX_VALUE).ifPresent(n -> figures.put(name,
                        new Bounds(Optional.of(n), Optional.of(n))));
                continue;
            }
            YamlMap bounds = YamlMap.of(value, map.field(name), problems);
            bounds.rejectUnknown(Set.of("atLeast", "atMost"));
            Optional<Long> atLeast = bounds.count("atLeast", false, 0, Long.MAX_VALUE);
            Optional<Long> atMost = bounds.count("atMost", false, 0, Long.MAX_VALUE);
            if (atLeast.isEmpty() && atMost.isEmpty()) {
                problems.at(value, map.field(name), "give a number, or atLeast, atMost or both");
            } else {
                figures.put(name, new Bounds(atLeast, atMost));
            }
        }
        return figures.isEmpty() ? Optional.empty() : Optional.of(new Expectation.ManualEvents(line, figures));
    }

    static Outcome check(Expectation.ManualEvents e, Optional<ManualCounts> counts) {
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        boolean passed = true;
        for (Map.Entry<String, Bounds> figure : e.figures().entrySet()) {
            long value = counts.map(c -> FIGURES.get(figure.getKey()).applyAsLong(c)).orElse(0L);
            passed &= figure.getValue().holds(value);
            expected.add(figure.getKey() + " " + figure.getValue().words());
            actual.add(figure.getKey() + " " + value);
        }
        return new Outcome(e, passed, String.join(", ", expected), String.join(", ", actual));
    }

    /** Every figure by its name in the file, for the report. */
    static Map<String, Long> figures(ManualCounts counts) {
        Map<String, Long> figures = new LinkedHashMap<>();
        FIGURES.forEach((name, reader) -> figures.put(name, reader.applyAsLong(counts)));
        return figures;
    }

    static String code(String text) {
        return ManualCodes.messageCode(text);
    }

    static String chapter(String text) {
        return ManualCodes.chapterId(text);
    }

    static boolean trueFalse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new IllegalArgumentException("\"" + text + "\" is not true or false");
        };
    }
}
