package io.pcmsim.tools.scenario;

import io.pcmsim.backend.Component;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads the {@code expect:} list: one kind per item, {@code true} or its bounds. */
final class ExpectationReader {

    private static final Set<String> FLAGS = Set.of("nothingReceivedWhilePrivate", "noMessageLost", "allOnlineAtEnd");
    private static final Set<String> BOUNDED = Set.of("stored", "rejected", "maintenanceNeeds", "breakdownCases",
            "pullsTimedOut", "softwareUpdates");
    private static final Set<String> BOUNDS = Set.of("atLeast", "atMost");
    private static final Set<String> NEEDS = Set.of("atLeast", "atMost", "component");
    private static final Set<String> CASES = Set.of("atLeast", "atMost", "forwardedTo", "withheldFrom");
    private static final Set<String> UPDATES = Set.of("atLeast", "atMost", "count");

    private ExpectationReader() {
    }

    static List<Expectation> read(YamlMap top, Problems problems, boolean embeddedBroker, Scenario.BackendMode backend) {
        Optional<Node> node = top.node("expect");
        if (node.isEmpty()) {
            return List.of();
        }
        if (!(node.get() instanceof SequenceNode list)) {
            problems.at(node.get(), "expect", "must be a list ('- noMessageLost: true' lines)");
            return List.of();
        }
        List<String> kinds = new ArrayList<>(FLAGS);
        kinds.addAll(BOUNDED);
        kinds.add(ManualFigures.KIND);
        kinds.add("mapUpdates");
        kinds.sort(null);
        List<Expectation> result = new ArrayList<>();
        for (int i = 0; i < list.getValue().size(); i++) {
            Node item = list.getValue().get(i);
            String path = "expect[" + i + "]";
            if (!(item instanceof MappingNode mapping) || mapping.getValue().size() != 1) {
                problems.at(item, path, "must be one expectation, e.g. '- noMessageLost: true' ("
                        + String.join(", ", kinds) + ")");
                continue;
            }
            NodeTuple entry = mapping.getValue().get(0);
            String kind = entry.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
            String field = path + "." + kind;
            int line = Problems.line(entry.getKeyNode());
            Optional<Expectation> expectation;
            if (FLAGS.contains(kind)) {
                expectation = flag(kind, entry.getValueNode(), field, line, problems);
            } else if (kind.equals(ManualFigures.KIND)) {
                expectation = ManualFigures.read(YamlMap.of(entry.getValueNode(), field, problems), line, problems);
            } else if (kind.equals("mapUpdates")) {
                expectation = mapUpdates(YamlMap.of(entry.getValueNode(), field, problems), line, problems);
            } else if (BOUNDED.contains(kind)) {
                expectation = bounded(kind, YamlMap.of(entry.getValueNode(), field, problems), line, problems);
            } else {
                problems.at(entry.getKeyNode(), field, "unknown expectation" + Problems.suggestion(kind, kinds)
                        + " (known: " + String.join(", ", kinds) + ")");
                continue;
            }
            expectation.ifPresent(e -> {
                if (e.needsBackend() && backend != Scenario.BackendMode.EMBEDDED) {
                    problems.at(line, field, "needs the backend in this process (backend: embedded)");
                } else if (e instanceof Expectation.NothingReceivedWhilePrivate && !embeddedBroker) {
                    problems.at(line, field, "is counted by the embedded broker (broker: embedded)");
                } else {
                    result.add(e);
                }
            });
        }
        return result;
    }

    private static Optional<Expectation> flag(String kind, Node value, String field, int line, Problems problems) {
        if (!(value instanceof ScalarNode scalar) || !scalar.getValue().equals("true")) {
            problems.at(value, field, "must be true (leave the line out to not check it)");
            return Optional.empty();
        }
        return Optional.of(switch (kind) {
            case "nothingReceivedWhilePrivate" -> new Expectation.NothingReceivedWhilePrivate(line);
            case "noMessageLost" -> new Expectation.NoMessageLost(line);
            default -> new Expectation.AllOnlineAtEnd(line);
        });
    }

    private static Optional<Expectation> bounded(String kind, YamlMap bounds, int line, Problems problems) {
        bounds.rejectUnknown(switch (kind) {
            case "maintenanceNeeds" -> NEEDS;
            case "breakdownCases" -> CASES;
            case "softwareUpdates" -> UPDATES;
            default -> BOUNDS;
        });
        Optional<Long> atLeast = bounds.count("atLeast", false, 0, Long.MAX_VALUE);
        Optional<Long> atMost = bounds.count("atMost", false, 0, Long.MAX_VALUE);
        if (!bounds.has("atLeast") && !bounds.has("atMost")) {
            problems.at(bounds.node(), bounds.field("atLeast"), "give atLeast, atMost or both");
            return Optional.empty();
        }
        if (atLeast.isPresent() && atMost.isPresent() && atLeast.get() > atMost.get()) {
            problems.at(bounds.node("atMost").orElseThrow(), bounds.field("atMost"),
                    "is below atLeast (" + atLeast.get() + ")");
        }
        return Optional.of(switch (kind) {
            case "stored" -> new Expectation.Stored(line, atLeast, atMost);
            case "rejected" -> new Expectation.Rejected(line, atLeast, atMost);
            case "breakdownCases" -> new Expectation.BreakdownCases(line, breakdownFilter(bounds, problems), atLeast,
                    atMost);
            case "pullsTimedOut" -> new Expectation.PullsTimedOut(line, atLeast, atMost);
            case "softwareUpdates" -> {
                Optional<UpdateCount> count = bounds.read("count", true, UpdateCount::parse);
                yield count.<Expectation>map(c -> new Expectation.SoftwareUpdates(line, c, atLeast, atMost))
                        .orElse(new Expectation.SoftwareUpdates(line, UpdateCount.INSTALLED, atLeast, atMost));
            }
            default -> new Expectation.MaintenanceNeeds(line, bounds.read("component", false,
                    ExpectationReader::component), atLeast, atMost);
        });
    }

    /** {@code checks} and {@code installed}, each at least; one of them at least. */
    private static Optional<Expectation> mapUpdates(YamlMap counts, int line, Problems problems) {
        counts.rejectUnknown(Set.of("checks", "installed"));
        Optional<Long> checks = counts.count("checks", false, 0, Long.MAX_VALUE);
        Optional<Long> installed = counts.count("installed", false, 0, Long.MAX_VALUE);
        if (!counts.has("checks") && !counts.has("installed")) {
            problems.at(counts.node(), counts.field("checks"), "give checks, installed or both (each at least)");
            return Optional.empty();
        }
        return Optional.of(new Expectation.MapUpdates(line, checks, installed));
    }

    /** {@code forwardedTo} or {@code withheldFrom} and a recipient; neither: every case. */
    private static Optional<BreakdownFilter> breakdownFilter(YamlMap bounds, Problems problems) {
        Optional<BreakdownFilter> forwarded = bounds.read("forwardedTo", false, r -> BreakdownFilter.of(true, r));
        Optional<BreakdownFilter> withheld = bounds.read("withheldFrom", false, r -> BreakdownFilter.of(false, r));
        if (bounds.has("forwardedTo") && bounds.has("withheldFrom")) {
            problems.at(bounds.node("withheldFrom").orElseThrow(), bounds.field("withheldFrom"),
                    "give forwardedTo or withheldFrom, not both (one expectation each)");
        }
        return forwarded.or(() -> withheld);
    }

    private static Component component(String text) {
        return Arrays.stream(Component.values()).filter(c -> c.name().equalsIgnoreCase(text.replace('-', '_')))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("\"" + text + "\" is not a component ("
                        + String.join(", ", Arrays.stream(Component.values()).map(Enum::name).toList()) + ")"));
    }
}
