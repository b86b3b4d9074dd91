package io.pcmsim.tools.scenario;

import io.pcmsim.backend.BackendConfig;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.ServiceGroup;
import io.pcmsim.tools.fleet.BrokerAddress;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a scenario file (format: {@code docs/scenarios.md}) with SnakeYAML's node API, which keeps every
 * value's line. Every problem is collected before it gives up, each naming the file, the line and the
 * field; unknown fields are refused with the closest known one as a suggestion. Stateless.
 */
public final class ScenarioParser {

    /** Cars in one scenario at most. */
    static final int MAX_VEHICLES = 100_000;
    private static final Set<String> TOP = Set.of("name", "description", "seed", "clock", "duration", "broker",
            "backend", "breakdownPullTimeout", "reportInterval", "fleet", "timeline", "expect");
    private static final Set<String> CLOCK = Set.of("start", "speed");
    private static final Set<String> GROUP = Set.of("group", "count", "privacyMode", "disabledServiceGroups",
            "disabledServices");

    private ScenarioParser() {
    }

    /** Reads {@code file}; its name (not its folder) names it in messages. */
    public static Scenario parse(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(List.of(name + ": no such file"));
        } catch (MalformedInputException e) {
            throw new ScenarioException(List.of(name + ": not a text file in UTF-8"));
        } catch (IOException e) {
            throw new ScenarioException(List.of(name + ": cannot read the file ("
                    + (Files.isDirectory(file) ? "it is a folder" : e.getMessage()) + ")"));
        }
        return parse(name, text);
    }

    /**
     * Reads a scenario from {@code text}.
     *
     * @param name the file name messages begin with
     * @throws ScenarioException with every problem found
     */
    public static Scenario parse(String name, String text) {
        Problems problems = new Problems(name);
        Node root = compose(name, new StringReader(text));
        YamlMap top = YamlMap.of(root, "", problems);
        top.rejectUnknown(TOP);
        long seed = top.count("seed", false, Long.MIN_VALUE, Long.MAX_VALUE).orElse(1L);
        Optional<Instant> start = Optional.empty();
        double speed = 1;
        if (top.has("clock")) {
            YamlMap clock = YamlMap.of(top.node("clock").orElseThrow(), "clock", problems);
            clock.rejectUnknown(CLOCK);
            start = clock.read("start", false, ScenarioParser::instant);
            speed = clock.number("speed", false, 1e-3, 1e9).orElse(1.0);
        }
        Optional<Duration> givenDuration = top.duration("duration", true);
        Duration duration = givenDuration.orElse(Duration.ofHours(1));
        Optional<BrokerAddress> broker = top.read("broker", false, ScenarioParser::broker).orElse(Optional.empty());
        Scenario.BackendMode backend = top.read("backend", false, ScenarioParser::backend)
                .orElse(Scenario.BackendMode.EMBEDDED);
        Duration reportInterval = top.duration("reportInterval", false).orElse(Duration.ofHours(1));
        Duration pullTimeout = top.duration("breakdownPullTimeout", false)
                .orElse(BackendConfig.DEFAULT_BREAKDOWN_PULL_TIMEOUT);
        if (top.has("breakdownPullTimeout") && backend != Scenario.BackendMode.EMBEDDED) {
            problems.at(top.node("breakdownPullTimeout").orElseThrow(), "breakdownPullTimeout",
                    "is a setting of the backend in this process (backend: embedded)");
        }
        List<Group> groups = groups(top, problems);
        Set<String> names = new HashSet<>();
        groups.forEach(g -> names.add(g.name()));
        List<TimedEvent> timeline = new TimelineReader(problems, names, broker.isEmpty(),
                backend == Scenario.BackendMode.EMBEDDED, givenDuration).read(top);
        List<Expectation> expectations = ExpectationReader.read(top, problems, broker.isEmpty(), backend);
        if (problems.any()) {
            throw new ScenarioException(problems.all());
        }
        return new Scenario(name, seed, start, speed, duration, broker, backend, pullTimeout, reportInterval, groups,
                timeline, expectations);
    }

    private static Node compose(String name, Reader reader) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(4 * 1024 * 1024);
        try {
            Node root = new Yaml(new SafeConstructor(options)).compose(reader);
            if (root == null) {
                throw new ScenarioException(List.of(name + ":1: the file is empty; a scenario needs at least"
                        + " duration and fleet (see docs/scenarios.md)"));
            }
            return root;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
            throw new ScenarioException(List.of(name + ":" + line + ": not valid YAML: " + e.getProblem()));
        } catch (YAMLException e) {
            throw new ScenarioException(List.of(name + ":1: not valid YAML: " + e.getMessage()));
        }
    }

    private static List<Group> groups(YamlMap top, Problems problems) {
        Optional<Node> fleet = top.node("fleet");
        if (fleet.isEmpty()) {
            problems.at(top.node(), "fleet", "missing; give at least one group, e.g. '- group: cars' and 'count: 10'");
            return List.of();
        }
        if (!(fleet.get() instanceof SequenceNode list) || list.getValue().isEmpty()) {
            problems.at(fleet.get(), "fleet", "must be a list of groups ('- group: NAME' lines)");
            return List.of();
        }
        List<Group> groups = new ArrayList<>();
        Set<String> names = new HashSet<>();
        long total = 0;
        for (int i = 0; i < list.getValue().size(); i++) {
            YamlMap g = YamlMap.of(list.getValue().get(i), "fleet[" + i + "]", problems);
            g.rejectUnknown(GROUP);
            Optional<String> name = g.read("group", true, ScenarioParser::groupName);
            name.filter(n -> !names.add(n)).ifPresent(n ->
                    problems.at(g.node("group").orElseThrow(), g.field("group"), "\"" + n + "\" names two groups"));
            long count = g.count("count", true, 1, MAX_VEHICLES).orElse(1L);
            total += count;
            double privacy = g.number("privacyMode", false, 0, 1).orElse(0.0);
            Set<ServiceGroup> disabledGroups = EnumSet.noneOf(ServiceGroup.class);
            List<ScalarNode> groupItems = g.list("disabledServiceGroups");
            for (int k = 0; k < groupItems.size(); k++) {
                serviceGroup(groupItems.get(k).getValue(), groupItems.get(k),
                        g.field("disabledServiceGroups") + "[" + k + "]", problems).ifPresent(disabledGroups::add);
            }
            Set<Service> disabledServices = EnumSet.noneOf(Service.class);
            List<ScalarNode> serviceItems = g.list("disabledServices");
            for (int k = 0; k < serviceItems.size(); k++) {
                service(serviceItems.get(k).getValue(), serviceItems.get(k),
                        g.field("disabledServices") + "[" + k + "]", problems).ifPresent(disabledServices::add);
            }
            groups.add(new Group(name.orElse("group" + i), (int) count, privacy, disabledGroups, disabledServices));
        }
        if (total > MAX_VEHICLES) {
            problems.at(fleet.get(), "fleet", "has " + total + " cars; at most " + MAX_VEHICLES + " in one scenario");
        }
        return groups;
    }

    static Optional<ServiceGroup> serviceGroup(String text, Node node, String field, Problems problems) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "with-location" -> Optional.of(ServiceGroup.WITH_LOCATION);
            case "without-location" -> Optional.of(ServiceGroup.WITHOUT_LOCATION);
            default -> {
                problems.at(node, field, "\"" + text + "\" is not a service group (with-location, without-location)");
                yield Optional.empty();
            }
        };
    }

    static Optional<Service> service(String text, Node node, String field, Problems problems) {
        List<String> names = Arrays.stream(Service.values()).filter(s -> !s.isSession()).map(Service::topicName).toList();
        Optional<Service> found = Arrays.stream(Service.values())
                .filter(s -> !s.isSession() && s.topicName().equalsIgnoreCase(text)).findFirst();
        if (found.isEmpty()) {
            problems.at(node, field, "\"" + text + "\" is not a service (" + String.join(", ", names) + ")"
                    + Problems.suggestion(text, names));
        }
        return found;
    }

    private static String groupName(String text) {
        if (!text.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,63}")) {
            throw new IllegalArgumentException("\"" + text + "\" is not a group name (letters, digits, - and _,"
                    + " at most 64)");
        }
        if (text.equals("all")) {
            throw new IllegalArgumentException("\"all\" means every car in the timeline; choose another name");
        }
        return text;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not an instant (use 2027-01-01T08:00:00Z)");
        }
    }

    private static Optional<BrokerAddress> broker(String text) {
        if (text.equalsIgnoreCase("embedded")) {
            return Optional.empty();
        }
        try {
            return Optional.of(BrokerAddress.parse(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace("; use tcp://", "; use embedded, tcp://"));
        }
    }

    private static Scenario.BackendMode backend(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "embedded" -> Scenario.BackendMode.EMBEDDED;
            case "external" -> Scenario.BackendMode.EXTERNAL;
            case "none" -> Scenario.BackendMode.NONE;
            default -> throw new IllegalArgumentException("\"" + text + "\" is not a backend (embedded, external, none)");
        };
    }
}
