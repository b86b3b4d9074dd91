package io.pcmsim.tools.scenario;

import io.pcmsim.tools.cli.DurationConverter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One YAML mapping of a scenario file, read field by field: every value that cannot be used becomes a
 * problem naming its line and field path (e.g. {@code timeline[2].at}), and the reader goes on, so one
 * pass finds every problem. Scalars are read from their text (YAML 1.1's {@code on}/{@code off} booleans
 * and unquoted dates stay text until a field says what it wants).
 */
final class YamlMap {

    private final Node node;
    private final String path;
    private final Problems problems;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private YamlMap(Node node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
                if (entries.containsKey(key)) {
                    problems.at(tuple.getKeyNode(), field(key), "given twice");
                }
                entries.put(key, tuple);
            }
        }
    }

    /** {@code node} as a mapping; a problem (and an empty mapping) when it is something else. */
    static YamlMap of(Node node, String path, Problems problems) {
        if (!(node instanceof MappingNode)) {
            problems.at(node, path, "must be a mapping (key: value lines), was " + describe(node));
        }
        return new YamlMap(node, path, problems);
    }

    String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    Node node() {
        return node;
    }

    Set<String> keys() {
        return entries.keySet();
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    /** Every key not in {@code known} is a problem, with the closest known key as a suggestion. */
    void rejectUnknown(Set<String> known) {
        entries.forEach((key, tuple) -> {
            if (!known.contains(key)) {
                problems.at(tuple.getKeyNode(), field(key), "unknown field" + Problems.suggestion(key, known)
                        + " (known here: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        });
    }

    Optional<Node> node(String key) {
        return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode);
    }

    /** The value's text; a problem when it is missing (when required) or not a single value. */
    Optional<String> text(String key, boolean required) {
        Optional<Node> value = node(key);
        if (value.isEmpty()) {
            if (required) {
                problems.at(node, field(key), "missing");
            }
            return Optional.empty();
        }
        if (!(value.get() instanceof ScalarNode scalar)) {
            problems.at(value.get(), field(key), "must be a single value, was " + describe(value.get()));
            return Optional.empty();
        }
        return Optional.of(scalar.getValue().trim());
    }

    /** The value read by {@code reader}, whose IllegalArgumentException message becomes the problem. */
    <T> Optional<T> read(String key, boolean required, Function<String, T> reader) {
        Optional<String> text = text(key, required);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(reader.apply(text.get()));
        } catch (IllegalArgumentException e) {
            problems.at(node(key).orElseThrow(), field(key), e.getMessage());
            return Optional.empty();
        }
    }

    Optional<Duration> duration(String key, boolean required) {
        return read(key, required, YamlMap::positiveDuration);
    }

    Optional<Double> number(String key, boolean required, double min, double max) {
        return read(key, required, text -> {
            double value;
            try {
                value = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(quote(text) + " is not a number");
            }
            if (!(value >= min && value <= max)) {
                throw new IllegalArgumentException(quote(text) + " is out of range (" + range(min, max) + ")");
            }
            return value;
        });
    }

    Optional<Long> count(String key, boolean required, long min, long max) {
        return read(key, required, text -> {
            long value;
            try {
                value = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(quote(text) + " is not a whole number");
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException(quote(text) + " is out of range (" + min + " to " + max + ")");
            }
            return value;
        });
    }

    /** {@code on}/{@code off} (also true/false, yes/no). */
    Optional<Boolean> onOff(String key, boolean required) {
        return read(key, required, text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new IllegalArgumentException(quote(text) + " is not on or off");
        });
    }

    /** A list of single values; a single value alone counts as a list of one. */
    List<ScalarNode> list(String key) {
        Optional<Node> value = node(key);
        if (value.isEmpty()) {
            return List.of();
        }
        if (value.get() instanceof ScalarNode scalar) {
            return List.of(scalar);
        }
        List<ScalarNode> items = new ArrayList<>();
        if (value.get() instanceof SequenceNode sequence) {
            for (int i = 0; i < sequence.getValue().size(); i++) {
                Node item = sequence.getValue().get(i);
                if (item instanceof ScalarNode scalar) {
                    items.add(scalar);
                } else {
                    problems.at(item, field(key) + "[" + i + "]", "must be a single value, was " + describe(item));
                }
            }
        } else {
            problems.at(value.get(), field(key), "must be a list, was " + describe(value.get()));
        }
        return items;
    }

    static Duration positiveDuration(String text) {
        Duration value;
        try {
            value = DurationConverter.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(quote(text) + " is not a duration (use 30s, 5m, 2h, 1d)");
        }
        if (value.isZero()) {
            throw new IllegalArgumentException(quote(text) + " must be longer than 0");
        }
        return value;
    }

    static String quote(String text) {
        return "\"" + text + "\"";
    }

    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return node instanceof ScalarNode s && s.getValue().isEmpty() ? "empty" : "a value";
    }

    private static String range(double min, double max) {
        return (min == Math.rint(min) ? String.valueOf((long) min) : String.valueOf(min)) + " to "
                + (max == Double.MAX_VALUE ? "any" : max == Math.rint(max) ? String.valueOf((long) max) : String.valueOf(max));
    }
}
